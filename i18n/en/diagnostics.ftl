# The English words of the human format of diagnostics (src/diagnostics/render.rs). Each
# message has its twin in ../zh/diagnostics.ftl, with the same placeholders.

# What starts the help line and each note, as wide as each other.
human-help = {"  "}help:{" "}
human-note = {"  "}note:{" "}
# A label on another file (or another cell of a sheet), shown as a note: `computed from this:
# report.jues:12:3`.
label-elsewhere = { $label }: { $place }

# A stated value in the audit view and the editor that has no value to be checked against.
fact-no-value = no value
# The note `jues build` adds to what it refuses to publish (`待填`, template text).
publish-unfinished = a document with unfinished parts is not published
# What the base of the built-in library's files stands for in a SARIF log.
sarif-library = the standard library built into jues (the standard report types that `类型` names); not a file of the project
