//! One door for files: everything a compilation reads (the main file, imports, data files,
//! code lists) is asked of a [`Files`]. The command line answers from the disk ([`Disk`]), the
//! language server from its open buffers over the disk ([`Overlay`], so an unsaved import is
//! seen), tests from memory ([`Memory`]). `Recorder` keeps what was read, with the bytes, so
//! `jues watch` knows which files to watch and what they held.

use crate::i18n::Message;
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
        read_regular(path)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

/// The most bytes read of one file; a larger file is refused. A report, its workbook and a
/// font are far smaller.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the regular file at `path` (links followed), up to [`MAX_FILE_BYTES`]: a folder, a
/// device (`/dev/zero`) or a pipe, which could hang the read or fill the memory, is refused
/// before it is opened.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let refuse = |why: Message| io::Error::new(io::ErrorKind::InvalidInput, NotRead(why));
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(refuse(crate::msg!("files-not-regular")));
    }
    let too_large = || {
        let mib = usize::try_from(MAX_FILE_BYTES / (1024 * 1024)).unwrap_or(usize::MAX);
        refuse(crate::msg!("files-too-large", mib = mib))
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Room for the whole file and the one byte more that tells it has ended, so that it is
    // read in one call rather than in growing pieces (the size is checked again after).
    let room = usize::try_from(metadata.len())
        .unwrap_or(0)
        .saturating_add(1);
    let mut bytes = Vec::with_capacity(room);
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Why [`read_regular`] refused a file, in words of the catalogs; its `Display` (what an
/// [`io::Error`] shows in logs) is the English.
#[derive(Debug)]
struct NotRead(Message);

impl std::fmt::Display for NotRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for NotRead {}

/// Why a file could not be read or written, as a message after "cannot read `…`: ": the
/// refusals of [`read_regular`], the usual failures of the file system in words of the
/// catalogs, any other as the system says it.
pub fn io_reason(error: &io::Error) -> Message {
    if let Some(NotRead(reason)) = error.get_ref().and_then(|e| e.downcast_ref::<NotRead>()) {
        return reason.clone();
    }
    match error.kind() {
        io::ErrorKind::NotFound => crate::msg!("io-not-found"),
        io::ErrorKind::PermissionDenied => crate::msg!("io-permission"),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => crate::msg!("io-disk-full"),
        io::ErrorKind::FileTooLarge => crate::msg!("io-too-large"),
        io::ErrorKind::AlreadyExists => crate::msg!("io-exists"),
        io::ErrorKind::IsADirectory => crate::msg!("io-is-folder"),
        io::ErrorKind::NotADirectory => crate::msg!("io-not-folder"),
        io::ErrorKind::DirectoryNotEmpty => crate::msg!("io-folder-not-empty"),
        io::ErrorKind::ReadOnlyFilesystem => crate::msg!("io-read-only"),
        io::ErrorKind::ResourceBusy | io::ErrorKind::ExecutableFileBusy => crate::msg!("io-busy"),
        io::ErrorKind::InvalidFilename => crate::msg!("io-bad-name"),
        io::ErrorKind::UnexpectedEof => crate::msg!("io-cut-short"),
        io::ErrorKind::AddrInUse => crate::msg!("io-port-taken"),
        io::ErrorKind::AddrNotAvailable => crate::msg!("io-address-unavailable"),
        io::ErrorKind::TimedOut => crate::msg!("io-timed-out"),
        io::ErrorKind::OutOfMemory => crate::msg!("io-out-of-memory"),
        // What the system says of a rarer failure, in its own words.
        _ => crate::msg!("io-other", error = error.to_string()),
    }
}

/// Why a file a document names (`导入`, `来自`, `科目表`, `字体`) is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The path leads out of the project folder.
    Outside,
    /// No such file.
    NotFound,
}

impl Refusal {
    /// The reason, as a diagnostic says it after "cannot read `…`: ".
    pub(crate) fn reason(self) -> Message {
        match self {
            Refusal::Outside => crate::msg!("files-outside-project"),
            Refusal::NotFound => crate::msg!("io-not-found"),
        }
    }
}

/// Whether a path written in a document, read relative to the document's folder, leaves the
/// project folder (that folder's parent) by its words alone: an absolute path, or more `..`
/// than the one step up to the project folder. Judged before the file system is asked, so
/// the answer does not depend on which files exist; a link that leads out is caught after
/// the links are resolved.
pub(crate) fn leaves_project(path: &Path) -> bool {
    let mut depth: i64 = 1;
    for component in path.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => return true,
            Component::CurDir => {}
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            Component::Normal(_) => depth += 1,
        }
    }
    false
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

    /// Where `written`, a path in a document whose folder is `folder`, leads, if it may be
    /// read: as written joined to the folder, and with links resolved. It must stay inside the
    /// project folder (the one above `folder`, so `../2018/report.jues` is inside), by its
    /// words and with links resolved, unless `allow_outside`. A path refused is noted, so that
    /// `jues watch` sees the file when it is created.
    pub(crate) fn confine(
        &self,
        folder: &Path,
        written: &str,
        allow_outside: bool,
    ) -> Result<(PathBuf, PathBuf), Refusal> {
        let path = folder.join(written);
        let refuse = |refusal| {
            self.note(&path);
            Err(refusal)
        };
        if !allow_outside && leaves_project(Path::new(written)) {
            return refuse(Refusal::Outside);
        }
        let dot = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        let (Ok(canonical), Ok(root)) = (self.canonicalize(&path), self.canonicalize(dot)) else {
            return refuse(Refusal::NotFound);
        };
        let root = root.parent().map_or(root.clone(), Path::to_path_buf);
        if !allow_outside && !canonical.starts_with(&root) {
            return refuse(Refusal::Outside);
        }
        Ok((path, canonical))
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
    fn paths_in_a_document_are_judged_by_their_words() {
        assert!(!leaves_project(Path::new("2018.jues")));
        assert!(!leaves_project(Path::new("./data/2018.jues")));
        assert!(!leaves_project(Path::new("../2018/report.jues")));
        assert!(!leaves_project(Path::new("a/../../2018/report.jues")));
        assert!(leaves_project(Path::new("../../secret.jues")));
        assert!(leaves_project(Path::new("../../../../../etc/passwd")));
        assert!(leaves_project(Path::new("/etc/passwd")));
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
