"""Document and page templates shipped with cec (see docs/documents.md).

This folder is installed as the package ``cecli.templates``. A council overrides any file here by
putting a file of the same name in its own ``templates/`` folder (``cec templates copy NAME``).
"""
