"""Errors a user can cause. The CLI prints their message as one line, without a traceback."""


class QuotesError(Exception):
    """Base class: the message names the file (and position) or the command that fixes it."""


class ModelNotFoundError(QuotesError):
    """No usable parsing model."""


class InputError(QuotesError):
    """An input document or file that cannot be read."""


class CorpusError(QuotesError):
    """A corpus file that does not follow its published format."""
