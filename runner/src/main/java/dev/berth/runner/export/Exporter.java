package dev.berth.runner.export;

import dev.berth.runner.project.ProjectException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Exports a project for where it runs next: Azure Container Apps (`az containerapp create --yaml`, one
/// document per app and job) or Kubernetes with KEDA (Deployment, Service, Secret, ScaledObject,
/// HTTPScaledObject, HTTPRoute, CronJob, ScaledJob). Needs no running session. Stateless and thread-safe:
/// each call reads the project afresh.
public final class Exporter {
    /// The Container Apps documents: the app, then one per job.
    /// @throws ProjectException naming file, field and fix for what cannot be exported
    public Export aca(Path dir) throws ProjectException {
        var project = Read.of(dir);
        var notes = project.notes();
        var app = project.app();
        var manifests = new ArrayList<Manifest>();
        manifests.add(new Manifest("containerapp-" + app.name() + ".yaml",
                AcaApp.write(project.docs().containerApp(), app, notes)));
        for (var job : project.jobs()) {
            manifests.add(new Manifest("job-" + job.name() + ".yaml", AcaJob.write(job, app.image(), notes)));
        }
        notes.throwIfErrors();
        placeholderNote(notes, "replace <LOCATION>, the <…> parts of environmentId (or drop it and pass --environment), "
                + "and every \"<value of …>\" secret; push the image to <REGISTRY>.");
        return new Export(manifests, notes.warnings());
    }

    /// The Kubernetes objects: Secret (when settings hold secrets), Deployment, Services, HTTPRoutes, KEDA
    /// objects, then one CronJob or ScaledJob per job.
    /// @throws ProjectException naming file, field and fix for what cannot be exported
    public Export k8s(Path dir) throws ProjectException {
        var project = Read.of(dir);
        var notes = project.notes();
        var app = project.app();
        var docs = project.docs();
        var jobs = project.jobs();
        var manifests = new ArrayList<Manifest>();
        var envs = new ArrayList<EnvPlan>();
        envs.add(app.env());
        jobs.forEach(j -> envs.add(j.env()));
        if (K8sPod.needsSecret(envs)) {
            var fileSecrets = docs.containerApp().root().at("/properties/configuration/secrets");
            manifests.add(new Manifest("secret-" + K8sPod.secretName(app.name()) + ".yaml",
                    K8sPod.secret(app.name(), envs, fileSecrets)));
        }
        manifests.addAll(K8sApp.write(app, docs.containerApp(), notes));
        manifests.addAll(K8sScaling.write(app, docs.containerApp(), notes));
        for (var job : jobs) manifests.add(K8sJobs.write(job, app.image(), app.name(), notes));
        notes.throwIfErrors();
        placeholderNote(notes, "replace every \"<value of …>\" in the Secret, push the image to <REGISTRY>, point "
                + "the HTTPRoute at your Gateway (parentRefs name \"" + Placeholders.GATEWAY + "\") and host name.");
        return new Export(manifests, notes.warnings());
    }

    /// The project read once for an export: its files, the app and jobs shaped, and the notes so far.
    private record Read(Notes notes, ProjectDocs docs, AppShape app, List<JobShape> jobs) {
        static Read of(Path dir) throws ProjectException {
            var notes = new Notes();
            var docs = ProjectDocs.read(dir, notes);
            var app = AppShape.read(docs, notes);
            var jobs = new ArrayList<JobShape>();
            for (var doc : docs.jobs()) JobShape.read(doc, docs.app(), notes).ifPresent(jobs::add);
            return new Read(notes, docs, app, jobs);
        }
    }

    private static void placeholderNote(Notes notes, String fix) {
        notes.warning(Path.of("."), "", "the export holds placeholders in angle brackets.", fix);
    }
}
