//! `jues watch`: build, then build again whenever a file the build read changes.

use super::{output_stem, Build, ReportArgs};
use crate::files::Input;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Builds `path`, then again whenever the content of a file the build read changes (the
/// document, its imports, its data files and code list). The folders of those files are
/// watched rather than the files, so editors that save by writing a new file and renaming it
/// over the old one are seen too. Events are gathered until the folder has been quiet for a
/// moment (one build per burst of saves), and a build runs only when some input's bytes
/// differ from those the last build read: the build's own reads, and writes of its outputs,
/// never start another.
pub(super) fn watch(
    build: &Build,
    path: &Path,
    report: &ReportArgs,
    serve: Option<u16>,
) -> ExitCode {
    use std::collections::BTreeSet;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;
    use std::time::Duration;
    /// How long the watched folders must be quiet before a burst of events is acted on.
    const QUIET: Duration = Duration::from_millis(150);
    // Counts good builds; a served page reloads when it changes.
    let version = Arc::new(AtomicU64::new(0));
    // Builds, and returns the files the build read, with the bytes it read: a change made
    // while the build runs, after the file was read, is still a change afterwards and starts
    // the next build.
    let run = || -> Vec<Input> {
        let (code, inputs) = build.run(path, report);
        if code == ExitCode::SUCCESS {
            version.fetch_add(1, Ordering::SeqCst);
        }
        inputs
    };
    let mut inputs = run();
    if let Some(port) = serve {
        let stem = output_stem(path);
        let page = build.out.join(format!("{stem}.html"));
        if let Err(e) = crate::serve::start(port, page, Arc::clone(&version)) {
            let reason = crate::files::io_reason(&e).text(super::lang());
            let args = [("port", port.into()), ("reason", reason.into())];
            eprintln!("{}", super::say("watch-cannot-serve", &args));
            return ExitCode::from(2);
        }
    }
    let (events, received) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(events) {
        Ok(w) => w,
        Err(e) => {
            let args = [("reason", reason(&e).into())];
            eprintln!("{}", super::say("watch-cannot-watch-files", &args));
            return ExitCode::from(2);
        }
    };
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    watch_folders(&inputs, &mut watcher, &mut watched);
    if watched.is_empty() {
        let args = [("path", super::shown(&folder_of(path)))];
        eprintln!("{}", super::say("watch-cannot-watch", &args));
        return ExitCode::from(2);
    }
    let args = [("path", super::shown(&folder_of(path)))];
    eprintln!("{}", super::say("watch-watching", &args));
    // An event speaks of an input when it names the input's file (by name, in its folder).
    let names = |inputs: &[Input]| -> BTreeSet<std::ffi::OsString> {
        inputs
            .iter()
            .filter_map(|i| i.path.file_name().map(ToOwned::to_owned))
            .collect()
    };
    let mut input_names = names(&inputs);
    let touches_input = |event: &notify::Result<notify::Event>,
                         names: &BTreeSet<std::ffi::OsString>| {
        let Ok(event) = event else { return false };
        !matches!(event.kind, notify::EventKind::Access(_))
            && event
                .paths
                .iter()
                .any(|p| p.file_name().is_some_and(|n| names.contains(n)))
    };
    while let Ok(event) = received.recv() {
        if !touches_input(&event, &input_names) {
            continue;
        }
        // Gather the rest of the burst.
        while received.recv_timeout(QUIET).is_ok() {}
        let changed = inputs
            .iter()
            .any(|i| std::fs::read(&i.path).ok() != i.bytes);
        if !changed {
            continue;
        }
        eprintln!("{}", super::say("watch-rebuilding", &[]));
        inputs = run();
        input_names = names(&inputs);
        watch_folders(&inputs, &mut watcher, &mut watched);
    }
    ExitCode::SUCCESS
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Adds a watch on the folder of every input not watched yet.
fn watch_folders(
    inputs: &[Input],
    watcher: &mut impl notify::Watcher,
    watched: &mut std::collections::BTreeSet<PathBuf>,
) {
    for input in inputs {
        let folder = folder_of(&input.path);
        if watched.contains(&folder) {
            continue;
        }
        match watcher.watch(&folder, notify::RecursiveMode::NonRecursive) {
            Ok(()) => {
                watched.insert(folder);
            }
            Err(e) => {
                let args = [
                    ("path", super::shown(&folder)),
                    ("reason", reason(&e).into()),
                ];
                eprintln!("{}", super::say("watch-cannot-watch-folder", &args));
            }
        }
    }
}

/// Why notify cannot watch, in the user's language.
fn reason(error: &notify::Error) -> String {
    let message = match &error.kind {
        notify::ErrorKind::Io(e) => crate::files::io_reason(e),
        notify::ErrorKind::PathNotFound => crate::msg!("io-not-found"),
        notify::ErrorKind::MaxFilesWatch => crate::msg!("watch-too-many"),
        _ => crate::msg!("io-other", error = error.to_string()),
    };
    message.text(super::lang())
}
