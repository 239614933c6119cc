#!/usr/bin/env python3
"""One replica of the process-batch job: handles its share of the items and exits 0 when done.

Container Apps (and Berth) run `parallelism` replicas at once until `replicaCompletionCount` of them
exit 0; a replica that exits non-zero, or runs past `replicaTimeout`, is retried up to
`replicaRetryLimit` times. Set FAIL_REPLICA=0 in local.settings.json to watch a retry.
"""
import os
import sys
import time

ITEMS = [f"item-{n}" for n in range(1, 11)]

execution = os.environ.get("CONTAINER_APP_JOB_EXECUTION_NAME", "local")
replica = os.environ.get("CONTAINER_APP_REPLICA_NAME", "local")
# Berth numbers the replicas of an execution 0, 1, …; in Azure, split the work by a queue instead.
index = int(os.environ.get("BERTH_JOB_REPLICA_INDEX", "0"))
count = int(os.environ.get("BATCH_REPLICAS", "2"))

print(f"{replica}: execution {execution}, share {index + 1} of {count}", flush=True)
if os.environ.get("FAIL_REPLICA") == str(index) and replica.endswith("-1"):
    print(f"{replica}: failing on purpose (FAIL_REPLICA={index}); the retry will succeed", flush=True)
    sys.exit(2)
for item in ITEMS[index::count]:
    print(f"{replica}: processed {item}", flush=True)
    time.sleep(0.2)
print(f"{replica}: done", flush=True)
