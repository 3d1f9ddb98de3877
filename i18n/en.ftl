# The English texts of jues. Each message has its twin in zh.ftl, with the same placeholders
# (a test holds the two to that). Placeholders are named for what they hold: $files, $errors.

## jues check: the summary line

check-summary-clean = checked { $files ->
        [one] 1 file
       *[other] { $files } files
    }: no problems found
check-summary = checked { $files ->
        [one] 1 file
       *[other] { $files } files
    }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $notes ->
        [one] 1 note
       *[other] { $notes } notes
    }
