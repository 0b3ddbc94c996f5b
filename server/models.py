"""Every table Krąg has, gathered for Alembic and for tests that reset the database."""
from sqlalchemy import MetaData
from sync.docs.models import DocsBase
from sync.models import SyncBase

from server.accounts import models as _accounts  # noqa: F401
from server.accounts import audit_models as _audit  # noqa: F401
from server.accounts import passkey_models as _passkeys  # noqa: F401
from server.db import Base
from server.docs import models as _docs  # noqa: F401
from server.files import models as _files  # noqa: F401
from server.forum import models as _forum  # noqa: F401
from server.library import models as _library  # noqa: F401
from server.mailqueue import models as _mail  # noqa: F401
from server.meetings import models as _meetings  # noqa: F401
from server.meetings import reminder_model as _reminders  # noqa: F401
from server.networks import models as _networks  # noqa: F401
from server.notifications import models as _notifications  # noqa: F401
from server.org import models as _org  # noqa: F401
from server.plans import models as _plans  # noqa: F401
from server.reports import models as _reports  # noqa: F401
from server.search import models as _search  # noqa: F401
from server.surveys import models as _surveys  # noqa: F401
from server.syncing import models as _live  # noqa: F401

metadata = MetaData()
for source in (Base.metadata, SyncBase.metadata, DocsBase.metadata):
    for table in source.tables.values():
        table.to_metadata(metadata)
