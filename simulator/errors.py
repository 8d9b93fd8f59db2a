"""Errors the user can cause. Each carries one line that tells them what was wrong and where.

The CLI prints ``str(error)`` on stderr and exits 2; the GUI shows it in a message. Anything that is
not a :class:`UserInputError` is a bug and is allowed to raise normally.
"""
from __future__ import annotations


class UserInputError(ValueError):
    """Bad input from the user: a malformed sequence, a corrupt project file, a wrong option."""

    def __init__(self, message: str):
        # One line, always: the CLI promises a one-line message.
        super().__init__(" ".join(str(message).split()))


class SequenceError(UserInputError):
    """An input sequence that cannot be read."""


class ProjectFileError(UserInputError):
    """A project or weights file that is corrupt, truncated, hostile or from a newer version."""
