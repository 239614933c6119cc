#!/usr/bin/env python3
"""The nightly-report job: writes a short report to its log and exits 0."""
import datetime
import os

title = os.environ.get("REPORT_TITLE", "Report")
now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
print(f"{title} at {now} (execution {os.environ.get('CONTAINER_APP_JOB_EXECUTION_NAME', 'local')})", flush=True)
print("everything is fine", flush=True)
