"""Errors a user can cause; the CLI turns each into one line on stderr and a non-zero exit."""


class SummarizeError(Exception):
    """Base class: the message says what went wrong and how to fix it."""


class InputError(SummarizeError):
    """An input path, file or text the pipeline cannot use."""


class ModelError(SummarizeError):
    """A model that cannot be found or loaded."""
