//! One door for files: everything a compilation reads (the main file, imports, data files,
//! code lists) is asked of a [`Files`]. The command line answers from the disk ([`Disk`]), the
//! language server from its open buffers over the disk ([`Overlay`], so an unsaved import is
//! seen), tests from memory ([`Memory`]). `Recorder` keeps what was read, with the bytes, so
//! `jues watch` knows which files to watch and what they held.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Where a compilation's files come from.
pub trait Files: Sync {
    /// The bytes of the file at `path`.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// The path with links resolved, as the file system knows it (imports are confined and
    /// cycles found by it); a file that does not exist is an error.
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf>;
}

/// The file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

/// `path` with `.` and `..` resolved by their words (no file system): how buffers and memory
/// files are looked up, whatever way a path was written to reach them.
pub fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Open buffers (by path) over other files: a buffer is read instead of the file on disk,
/// saved or not.
pub struct Overlay<'a> {
    buffers: HashMap<PathBuf, &'a str>,
    under: &'a dyn Files,
}

impl<'a> Overlay<'a> {
    /// `buffers` (path, text) over `under`.
    pub fn new(
        buffers: impl IntoIterator<Item = (PathBuf, &'a str)>,
        under: &'a dyn Files,
    ) -> Self {
        Overlay {
            buffers: buffers.into_iter().map(|(p, t)| (normal(&p), t)).collect(),
            under,
        }
    }
}

impl Files for Overlay<'_> {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.buffers.get(&normal(path)) {
            Some(text) => Ok(text.as_bytes().to_vec()),
            None => self.under.read(path),
        }
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        match self.under.canonicalize(path) {
            Ok(p) => Ok(p),
            // A buffer not saved yet (or its folder) exists only here.
            Err(_) if self.buffers.keys().any(|b| b.starts_with(normal(path))) => Ok(normal(path)),
            Err(e) => Err(e),
        }
    }
}

/// Files in memory, by path.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    files: HashMap<PathBuf, Vec<u8>>,
}

impl Memory {
    /// No files.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(normal(path.as_ref()), bytes.into());
    }
}

impl Files for Memory {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.files
            .get(&normal(path))
            .cloned()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        let path = normal(path);
        // A file, or a folder that holds one.
        if self.files.keys().any(|f| f.starts_with(&path)) {
            Ok(path)
        } else {
            Err(io::Error::from(io::ErrorKind::NotFound))
        }
    }
}

/// A file a compilation read (or tried to), with the bytes it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as the document names it, relative to the working folder.
    pub path: PathBuf,
    /// What was read; `None` when the file could not be read.
    pub bytes: Option<Vec<u8>>,
}

/// Reads through other files and keeps every read, once per path (the first read).
pub(crate) struct Recorder<'a> {
    files: &'a dyn Files,
    read: RefCell<Vec<Input>>,
}

impl<'a> Recorder<'a> {
    pub(crate) fn new(files: &'a dyn Files) -> Self {
        Recorder {
            files,
            read: RefCell::new(Vec::new()),
        }
    }

    pub(crate) fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let result = self.files.read(path);
        let mut read = self.read.borrow_mut();
        if !read.iter().any(|i| i.path == path) {
            read.push(Input {
                path: path.to_path_buf(),
                bytes: result.as_ref().ok().cloned(),
            });
        }
        result
    }

    /// Notes a file the compilation needs but did not read (one refused before reading).
    pub(crate) fn note(&self, path: &Path) {
        let mut read = self.read.borrow_mut();
        if !read.iter().any(|i| i.path == path) {
            read.push(Input {
                path: path.to_path_buf(),
                bytes: None,
            });
        }
    }

    pub(crate) fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        self.files.canonicalize(path)
    }

    pub(crate) fn into_inputs(self) -> Vec<Input> {
        self.read.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_by_their_words() {
        assert_eq!(
            normal(Path::new("a/./b/../c.jues")),
            PathBuf::from("a/c.jues")
        );
        assert_eq!(normal(Path::new("../x/../y")), PathBuf::from("../y"));
        let mut memory = Memory::new();
        memory.insert("2025/../2024/report.jues", "x = 1");
        assert_eq!(
            memory.read(Path::new("2024/report.jues")).unwrap(),
            b"x = 1"
        );
        assert!(memory.read(Path::new("2023/report.jues")).is_err());
    }

    #[test]
    fn an_overlay_reads_its_buffers_first() {
        let mut disk = Memory::new();
        disk.insert("a.jues", "saved");
        disk.insert("b.jues", "only on disk");
        let overlay = Overlay::new(
            [
                (PathBuf::from("./a.jues"), "unsaved"),
                (PathBuf::from("new.jues"), "never saved"),
            ],
            &disk,
        );
        assert_eq!(overlay.read(Path::new("a.jues")).unwrap(), b"unsaved");
        assert_eq!(overlay.read(Path::new("b.jues")).unwrap(), b"only on disk");
        assert_eq!(
            overlay.canonicalize(Path::new("new.jues")).unwrap(),
            PathBuf::from("new.jues")
        );
    }
}
