//! Writing the user's files (`jues build`'s outputs, `jues fmt`, `jues new`) so that nothing
//! is lost.
//!
//! Each file is first written whole to a new temporary file in the folder it goes to, and
//! only when every file of the set is written are they renamed over the old ones. So a failed
//! write (a full disk, a file-size limit) leaves every old file as it was, never a mix of new
//! and old outputs or a truncated report. A rename replaces a symbolic link that stands where
//! an output goes; it never writes through it.

use std::fs::Permissions;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One file written to its temporary twin, waiting to be renamed over `path`.
struct Staged {
    temp: tempfile::NamedTempFile,
    path: PathBuf,
}

/// What went wrong, and with which file.
#[derive(Debug)]
pub(super) struct WriteError {
    pub(super) path: PathBuf,
    pub(super) error: std::io::Error,
}

/// Writes every `(path, contents, permissions)` or none: on an error, no file is changed and
/// the temporary files are removed. A file without permissions of its own gets the usual
/// ones of a new file (read-write for the owner, readable by all, less the umask).
pub(super) fn write_all<'c>(
    files: impl IntoIterator<Item = (PathBuf, &'c [u8], Option<Permissions>)>,
) -> Result<(), WriteError> {
    let mut staged = Vec::new();
    for (path, contents, permissions) in files {
        staged.push(stage(path, contents, permissions)?);
    }
    // A folder where a file should go would fail its rename after others were done.
    if let Some(s) = staged.iter().find(|s| s.path.is_dir()) {
        return Err(WriteError {
            path: s.path.clone(),
            error: std::io::Error::other("a folder of that name is in the way"),
        });
    }
    for Staged { temp, path } in staged {
        temp.persist(&path).map_err(|e| WriteError {
            path,
            error: e.error,
        })?;
    }
    Ok(())
}

fn stage(
    path: PathBuf,
    contents: &[u8],
    permissions: Option<Permissions>,
) -> Result<Staged, WriteError> {
    let fail = |error| WriteError {
        path: path.clone(),
        error,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".jues-tmp");
    if let Some(permissions) = permissions.or_else(new_file_permissions) {
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(folder).map_err(fail)?;
    temp.write_all(contents).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    Ok(Staged { temp, path })
}

/// A new file's permissions where they are more than a read-only flag: read-write for the
/// owner, readable by all, less the umask (which applies when the file is created).
#[cfg(unix)]
fn new_file_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<Permissions> {
    None
}
