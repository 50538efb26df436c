"""Sale → Settings…: which server this till works on (host, port and database, or the
embedded one and its folder), the till's name, whether the connection is encrypted and
the server's certificate verified, and the server's version. Read-only: the settings
themselves are environment variables (README.md, docs/operations.md). With the main
window's ``printing`` (``ui.sale_printing.SalePrinting``), the dialog also edits the
till's default printers (``ui.printer_settings``).

The live facts come from ``services/connection_info`` on the window's task runner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from boxoffice.services.connection_info import ConnectionFacts, TillSetup, connection_facts
from boxoffice.ui.common.tasks import TaskRunner, describe_error


def tls_text(facts: ConnectionFacts, setup: TillSetup | None) -> str:
    """The TLS row in words, e.g. ``"on (TLSv1.3, TLS_AES_256_GCM_SHA384); certificate
    verified: signed by the CA in /etc/…/ca.pem and issued to this host"``."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("SettingsDialog", text)

    if not facts.tls:
        if setup is not None and setup.embedded:
            return tr("off — not needed: the embedded server is on this computer (Unix socket only)")
        return tr("OFF — the connection is not encrypted (set BOXOFFICE_DB_SSLROOTCERT, docs/operations.md)")
    on = tr("on ({version}, {cipher})").format(version=facts.tls_version, cipher=facts.cipher)
    ca = tr(" in {file}").format(file=setup.ca_file) if setup is not None and setup.ca_file else ""
    if facts.verified == "host":
        return tr("{on}; certificate verified: signed by the CA{ca} and issued to this host").format(on=on, ca=ca)
    if facts.verified == "ca":
        return tr("{on}; certificate signed by the CA{ca}, host name not checked (sslmode=verify-ca)").format(
            on=on, ca=ca
        )
    return tr("{on}; certificate NOT verified (sslmode={mode})").format(on=on, mode=facts.sslmode or "prefer")


class SettingsDialog(QDialog):
    """Shows ``setup`` at once and the live connection's facts once :meth:`load` has
    read them (the labels' object names: ``server``, ``till``, ``login``, ``tls``,
    ``version``, ``backups``)."""

    def __init__(
        self, runner: TaskRunner, setup: TillSetup | None, parent: QWidget | None = None, *, printing=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.runner = runner
        self.setup = setup
        self.facts: ConnectionFacts | None = None
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        rows = [
            ("server", self.tr("Server")),
            ("till", self.tr("Till name")),
            ("login", self.tr("Signed in to the database as")),
            ("tls", self.tr("Encryption (TLS)")),
            ("version", self.tr("Server version")),
            ("backups", self.tr("Automatic backups")),
        ]
        for key, title in rows:
            label = QLabel("…")
            label.setObjectName(key)
            label.setWordWrap(True)
            label.setMinimumWidth(420)
            self.labels[key] = label
            form.addRow(self.tr("{title}:").format(title=title), label)
        if setup is not None:
            self.labels["server"].setText(setup.server)
            self.labels["till"].setText(setup.till_name)
            self.labels["backups"].setText(
                self.tr("daily and on closing, into {folder} (14 days kept)").format(folder=setup.backups)
                if setup.backups
                else self.tr("kept on the central server (continuous archiving, docs/operations.md)")
            )
        self.status = QLabel(self.tr("Reading the connection…"))
        self.status.setObjectName("status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self.printers = None
        if printing is not None:  # the till's default printers (ui/manage/printer_settings.py)
            from boxoffice.ui.manage.printer_settings import PrinterSettingsBox

            self.printers = PrinterSettingsBox(printing, self)
            layout.addWidget(self.printers)
        layout.addWidget(buttons)

    def load(self) -> None:
        """Read the live connection's facts on a worker."""
        self.runner.run(connection_facts, self._show, self._failed)

    def _show(self, facts: ConnectionFacts) -> None:
        self.facts = facts
        self.labels["login"].setText(
            self.tr("{login} (database {database})").format(login=facts.login, database=facts.database)
        )
        self.labels["tls"].setText(tls_text(facts, self.setup))
        self.labels["version"].setText(f"PostgreSQL {facts.server_version}")
        self.status.setText("")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Cannot read the connection: {error}").format(error=describe_error(exc)))
