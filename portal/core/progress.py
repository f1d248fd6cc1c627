"""A text progress bar for management commands.

On a terminal it redraws one line; in a log (CI, `make run` piped to a file) it prints a line
every 25 steps and at the end, so logs stay short.
"""


def write_progress(stdout, done, total, label, width=30):
    filled = int(width * done / total) if total else width
    line = f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} {label}"
    if stdout.isatty():
        stdout.write(f"\r{line:<90}", ending="")
        stdout.flush()
        if done == total:
            stdout.write("")
    elif done == total or done % 25 == 0:
        stdout.write(line)
