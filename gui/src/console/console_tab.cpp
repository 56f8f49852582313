#include "console_tab.h"

#include "error_text.h"
#include "external_terminal.h"
#include "terminal_widget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cerrno>
#include <cstring>
#include <utility>
#include <fcntl.h>

namespace berth::gui {

ConsoleTab::ConsoleTab(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createToolBar());
    layout->addLayout(createBanner());
    m_pages = new QStackedWidget(this);
    m_terminal = new TerminalWidget(m_pages);
    m_notRunning = new QLabel(m_pages);
    m_notRunning->setAlignment(Qt::AlignCenter);
    m_notRunning->setWordWrap(true);
    m_pages->addWidget(m_terminal);
    m_pages->addWidget(m_notRunning);
    layout->addWidget(m_pages, 1);
    m_keyHint = new QLabel(tr("Keys go to the container while the terminal has the focus. "
                              "Ctrl+Tab leaves the terminal; click in it to type again."),
                           this);
    m_keyHint->setObjectName(QStringLiteral("consoleKeyHint"));
    m_keyHint->setWordWrap(true);
    m_keyHint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_keyHint);
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(kDefaultResizeDebounceMs);
    connect(&m_resizeTimer, &QTimer::timeout, this, &ConsoleTab::sendSize);
    connect(m_terminal, &TerminalWidget::sizeChanged, this, [this] { m_resizeTimer.start(); });
    connect(m_terminal, &TerminalWidget::hangup, this, &ConsoleTab::hungUp);
    connect(&m_source, &ContainerSource::stateChanged, this, &ConsoleTab::sourceStateChanged);
    refresh();
}

QLayout* ConsoleTab::createBanner()
{
    auto* banner = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("consoleMessage"));
    m_message->setWordWrap(true);
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    connect(m_reconnect, &QPushButton::clicked, this, &ConsoleTab::reconnect);
    banner->addWidget(m_message, 1);
    banner->addWidget(m_reconnect);
    showMessage(QString(), false);
    return banner;
}

QWidget* ConsoleTab::createToolBar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_modeBox = new QComboBox(bar);
    m_modeBox->addItem(tr("Console"), int(Mode::Console));
    m_modeBox->addItem(tr("Shell"), int(Mode::Shell));
    m_modeBox->setToolTip(tr("The container's console, or a new shell in it."));
    connect(m_modeBox, &QComboBox::activated, this,
            [this](int index) { setMode(Mode(m_modeBox->itemData(index).toInt())); });
    auto* external = new QPushButton(tr("Open in a terminal window"), bar);
    connect(external, &QPushButton::clicked, this, &ConsoleTab::openExternal);
    layout->addWidget(m_modeBox);
    layout->addStretch(1);
    layout->addWidget(external);
    return bar;
}

void ConsoleTab::setContainer(const QString& name, std::optional<model::RunState> state)
{
    if (name != m_name) {
        m_name = name;
        restart();
    }
    m_state = state;
    refresh();
}

void ConsoleTab::setMode(Mode mode)
{
    m_modeBox->setCurrentIndex(m_modeBox->findData(int(mode)));
    if (mode == m_mode)
        return;
    m_mode = mode;
    restart();
    refresh();
}

void ConsoleTab::restart()
{
    // A new terminal: replies still on their way belong to the old one.
    ++m_generation;
    m_connecting = false;
    m_waitForUser = false;
    m_resizeTimer.stop();
    m_focusWanted = false;
    m_terminal->detach();
    m_terminal->clear();
    m_terminal->setAccessibleName(m_mode == Mode::Console ? tr("Console of '%1'").arg(m_name)
                                                          : tr("Shell in '%1'").arg(m_name));
    showMessage(QString(), false);
}

void ConsoleTab::focusTerminal()
{
    if (m_terminal->isAttached() && m_pages->currentWidget() == m_terminal)
        m_terminal->setFocus(Qt::OtherFocusReason);
    else
        m_focusWanted = true;
}

void ConsoleTab::sourceStateChanged(const QString& name, const QString& word)
{
    if (name != m_name)
        return;
    const auto state = model::parseRunState(word.toStdString());
    // Running again after a hangup is a restart: its new console is wanted.
    if (state == model::RunState::Running)
        m_waitForUser = false;
    setContainer(name, state);
}

bool ConsoleTab::keepsTerminal() const
{
    if (m_name.isEmpty())
        return false;
    // A frozen or stopping container keeps the console it had: its last
    // words (the shutdown) are worth reading.
    const bool ending = m_state == model::RunState::Frozen || m_state == model::RunState::Stopping;
    return m_state == model::RunState::Running || (ending && (m_terminal->isAttached() || m_waitForUser));
}

void ConsoleTab::refresh()
{
    const bool keep = keepsTerminal();
    if (!keep) {
        // Its console ended with it; the next start brings a new one.
        ++m_generation;
        m_connecting = false;
        m_waitForUser = false;
        m_terminal->detach();
        showMessage(QString(), false);
    }
    m_notRunning->setText(m_name.isEmpty() ? tr("No container is selected.")
                                           : tr("'%1' is not running. Start it to use its console.").arg(m_name));
    m_pages->setCurrentWidget(keep ? static_cast<QWidget*>(m_terminal) : m_notRunning);
    m_keyHint->setVisible(keep);
    const bool running = !m_name.isEmpty() && m_state == model::RunState::Running;
    if (running && isVisible() && !m_terminal->isAttached() && !m_connecting && !m_waitForUser)
        connectTerminal();
}

void ConsoleTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void ConsoleTab::reconnect()
{
    m_waitForUser = false;
    showMessage(QString(), false);
    refresh();
}

void ConsoleTab::connectTerminal()
{
    m_connecting = true;
    const int generation = ++m_generation;
    if (m_mode == Mode::Console) {
        m_source.openConsole(m_name, 0, this, [this, generation](const client::Result<QDBusUnixFileDescriptor>& fd) {
            opened(generation, fd, tr("open the console of '%1'").arg(m_name));
        });
        return;
    }
    client::ExecRequest request;
    request.name = m_name;
    request.argv = {QStringLiteral("/bin/sh")};
    // The helper starts commands with an empty environment; the shell's
    // line editing needs to know what terminal it draws on.
    request.env = {QStringLiteral("TERM=xterm-256color")};
    m_source.execPty(
        request, this, [this, generation](const client::Result<std::pair<uint, QDBusUnixFileDescriptor>>& started) {
            const auto fd = started ? client::Result<QDBusUnixFileDescriptor>(started->second)
                                    : client::Result<QDBusUnixFileDescriptor>(std::unexpect, started.error());
            opened(generation, fd, tr("open a shell in '%1'").arg(m_name));
        });
}

void ConsoleTab::opened(int generation, const client::Result<QDBusUnixFileDescriptor>& fd, const QString& what)
{
    if (generation != m_generation)
        return;
    m_connecting = false;
    if (!fd) {
        m_waitForUser = true;
        showMessage(errorText(fd.error(), what), true);
        return;
    }
    // Our own copy: the reply's descriptor is closed with the reply.
    const int own = ::fcntl(fd->fileDescriptor(), F_DUPFD_CLOEXEC, 0);
    if (own < 0) {
        m_waitForUser = true;
        showMessage(tr("The terminal could not be opened: %1").arg(QString::fromLocal8Bit(strerror(errno))), true);
        return;
    }
    showMessage(QString(), false);
    m_terminal->attach(own);
    // Only when asked: selecting a container must not hand its shell the keyboard.
    if (std::exchange(m_focusWanted, false))
        m_terminal->setFocus(Qt::OtherFocusReason);
    if (m_mode == Mode::Console)
        sendSize(); // the console keeps the size its last viewer gave it
}

void ConsoleTab::hungUp()
{
    m_waitForUser = true;
    showMessage(m_mode == Mode::Console ? tr("The console was closed.") : tr("The shell has ended."), true);
}

void ConsoleTab::sendSize()
{
    // A shell's pty follows the widget by itself (TIOCSWINSZ); the console's
    // pty is the monitor's, so the helper resizes it.
    if (m_mode != Mode::Console || !m_terminal->isAttached())
        return;
    // A refused resize leaves the console at its old size, which is all a
    // message could say; the next resize tries again.
    m_source.resizeConsole(m_name, 0, ushort(m_terminal->rows()), ushort(m_terminal->columns()), this,
                           [](const client::Status&) {});
}

void ConsoleTab::showMessage(const QString& text, bool offerReconnect)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_reconnect->setVisible(offerReconnect);
}

void ConsoleTab::openExternal()
{
    if (m_name.isEmpty())
        return;
    const QString error = ExternalTerminal::open(m_name, m_mode == Mode::Console ? ExternalTerminal::Mode::Console
                                                                                 : ExternalTerminal::Mode::Shell);
    if (!error.isEmpty())
        showMessage(error, m_reconnect->isVisible());
}

} // namespace berth::gui
