"""The few exception types of the project. Messages name the bad value and the fix."""


class ChatbotError(Exception):
    """Base class: an error a user can act on; entry points print it as one line."""


class ModelError(ChatbotError):
    """The embedding model is missing or does not match."""


class LoadError(ChatbotError):
    """A file could not be turned into a document (its message names the reason)."""


class IndexError_(ChatbotError):
    """An index directory is missing, incomplete, or built for another model/format."""
