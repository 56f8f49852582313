<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorText</name>
    <message>
        <source>You are not allowed to %1.</source>
        <translation>您无权%1。</translation>
    </message>
    <message>
        <source>Could not %1: the Berth helper service cannot be reached.</source>
        <translation>无法%1：无法连接 Berth 辅助服务。</translation>
    </message>
    <message>
        <source>Could not %1: another operation on it is still running. Try again in a moment.</source>
        <translation>无法%1：该容器的另一项操作仍在进行。请稍后再试。</translation>
    </message>
    <message>
        <source>Could not %1: it does not exist (any more).</source>
        <translation>无法%1：该容器不存在（或已被移除）。</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>无法%1：%2</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>显示命令行选项的帮助。</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>显示帮助，包括 Qt 特有的选项。</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>未知选项：%1。</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>“%1”后缺少值。</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>“%1”后有多余的值。</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerListModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Memory used / limit</source>
        <translation>内存（已用 / 上限）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>自动启动</translation>
    </message>
</context>
<context>
    <name>berth::gui::HelperMissingPage</name>
    <message>
        <source>&lt;h2&gt;Berth&apos;s helper service cannot be reached&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;无法连接 Berth 的辅助服务&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Berth manages containers through &lt;b&gt;berth-helper&lt;/b&gt;, a system service that the system bus starts when it is needed. It is not installed, or the system bus is not running.&lt;br&gt;&lt;br&gt;To install it from a source checkout, run &lt;tt&gt;sudo ./scripts/run.sh&lt;/tt&gt;; otherwise install the &lt;b&gt;berth&lt;/b&gt; package of your distribution. Then press Retry.</source>
        <translation>Berth 通过系统服务 &lt;b&gt;berth-helper&lt;/b&gt; 管理容器，该服务在需要时由系统总线启动。该服务尚未安装，或者系统总线未在运行。&lt;br&gt;&lt;br&gt;若要从源码检出安装，请运行 &lt;tt&gt;sudo ./scripts/run.sh&lt;/tt&gt;；否则请安装您的发行版提供的 &lt;b&gt;berth&lt;/b&gt; 软件包。然后点击“重试”。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
</context>
<context>
    <name>berth::gui::LimitSlider</name>
    <message>
        <source>unlimited</source>
        <translation>无限制</translation>
    </message>
</context>
<context>
    <name>berth::gui::MainWindow</name>
    <message>
        <source>Berth</source>
        <translation>Berth</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>start &apos;%1&apos;</source>
        <translation>启动“%1”</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>stop &apos;%1&apos;</source>
        <translation>停止“%1”</translation>
    </message>
    <message>
        <source>&amp;Force stop</source>
        <translation>强制停止(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>force &apos;%1&apos; to stop</source>
        <translation>强制停止“%1”</translation>
    </message>
    <message>
        <source>F&amp;reeze</source>
        <translation>冻结(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>freeze &apos;%1&apos;</source>
        <translation>冻结“%1”</translation>
    </message>
    <message>
        <source>T&amp;haw</source>
        <translation>解冻(&amp;H)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>thaw &apos;%1&apos;</source>
        <translation>解冻“%1”</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>销毁(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Container</source>
        <translation>容器(&amp;C)</translation>
    </message>
    <message>
        <source>Container actions</source>
        <translation>容器操作</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Filter by name, state, address or template</source>
        <translation>按名称、状态、地址或模板筛选</translation>
    </message>
    <message>
        <source>list the containers</source>
        <translation>列出容器</translation>
    </message>
    <message>
        <source>Asking the helper to %1…</source>
        <translation>正在请求辅助服务%1…</translation>
    </message>
    <message>
        <source>Destroy the container &apos;%1&apos;? Its files are deleted; this cannot be undone.</source>
        <translation>要销毁容器“%1”吗？其文件将被删除，此操作无法撤销。</translation>
    </message>
    <message>
        <source>Destroy container</source>
        <translation>销毁容器</translation>
    </message>
    <message>
        <source>destroy &apos;%1&apos;</source>
        <translation>销毁“%1”</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
</context>
<context>
    <name>berth::gui::OverviewTab</name>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>运行时长：</translation>
    </message>
    <message>
        <source>Init PID:</source>
        <translation>init 进程 PID：</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>资源限制：</translation>
    </message>
    <message>
        <source>Last exit:</source>
        <translation>上次退出：</translation>
    </message>
    <message>
        <source>No container selected</source>
        <translation>未选择容器</translation>
    </message>
    <message>
        <source>none (loopback only)</source>
        <translation>无（仅回环接口）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>has not exited yet</source>
        <translation>尚未退出</translation>
    </message>
</context>
<context>
    <name>berth::gui::ResourcesTab</name>
    <message>
        <source>cores</source>
        <translation>核</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>内存限制：</translation>
    </message>
    <message>
        <source>CPU quota:</source>
        <translation>CPU 配额：</translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation>进程数：</translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses %2 now, more than the new limit of %3. The kernel will reclaim memory and may end processes in it. Lower the limit anyway?</source>
        <translation>“%1”当前使用 %2，超过新的限制 %3。内核将回收内存，并可能结束其中的进程。仍要降低限制吗？</translation>
    </message>
    <message>
        <source>Lower the memory limit</source>
        <translation>降低内存限制</translation>
    </message>
    <message>
        <source>change the limits of &apos;%1&apos;</source>
        <translation>更改“%1”的限制</translation>
    </message>
</context>
<context>
    <name>berth::gui::UsageChart</name>
    <message>
        <source>Memory used</source>
        <translation>已用内存</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>内存限制</translation>
    </message>
    <message>
        <source>Seconds ago</source>
        <translation>秒前</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
</context>
<context>
    <name>berthctl</name>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>Edit again? [Y/n] </source>
        <translation>是否重新编辑？[Y/n] </translation>
    </message>
    <message>
        <source>cannot write a temporary file: %1</source>
        <translation>无法写入临时文件：%1</translation>
    </message>
    <message>
        <source>the editor failed; the config is unchanged</source>
        <translation>编辑器运行失败；配置未更改</translation>
    </message>
    <message>
        <source>No changes.
</source>
        <translation>没有更改。
</translation>
    </message>
    <message>
        <source>Show, replace or edit a container&apos;s config (LXC key = value text). &apos;edit&apos; runs $VISUAL or $EDITOR on a copy and opens it again when the helper refuses it.</source>
        <translation>显示、替换或编辑容器的配置（LXC 的 key = value 文本）。“edit”用 $VISUAL 或 $EDITOR 编辑一份副本；辅助服务拒绝该配置时会重新打开编辑器。</translation>
    </message>
    <message>
        <source>config: expected &apos;get&apos;, &apos;set FILE&apos; or &apos;edit&apos;</source>
        <translation>config：应为“get”、“set FILE”或“edit”</translation>
    </message>
    <message>
        <source>Change resource limits (live when running, and in the config); without options, show them.</source>
        <translation>更改资源限制（容器运行时立即生效，并写入配置）；不带选项时显示当前限制。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>List containers.</source>
        <translation>列出容器。</translation>
    </message>
    <message>
        <source>Print only the names, one a line.</source>
        <translation>仅输出名称，每行一个。</translation>
    </message>
    <message>
        <source>Show one container.</source>
        <translation>显示一个容器的详细信息。</translation>
    </message>
    <message>
        <source>Start a stopped container.</source>
        <translation>启动一个已停止的容器。</translation>
    </message>
    <message>
        <source>Freeze every process of a running container.</source>
        <translation>冻结运行中容器的所有进程。</translation>
    </message>
    <message>
        <source>Thaw a frozen container.</source>
        <translation>解冻一个已冻结的容器。</translation>
    </message>
    <message>
        <source>Stop a container: its halt signal, then SIGKILL after the timeout.</source>
        <translation>停止容器：先发送其停机信号，超时后发送 SIGKILL。</translation>
    </message>
    <message>
        <source>Seconds before SIGKILL (0-3600, default 10).</source>
        <translation>发送 SIGKILL 前等待的秒数（0-3600，默认 10）。</translation>
    </message>
    <message>
        <source>Send a signal to the container&apos;s init.</source>
        <translation>向容器的 init 进程发送信号。</translation>
    </message>
    <message>
        <source>Name or number (default KILL).</source>
        <translation>信号名称或编号（默认 KILL）。</translation>
    </message>
    <message>
        <source>Remove a container and its root filesystem.</source>
        <translation>删除容器及其根文件系统。</translation>
    </message>
    <message>
        <source>Stop it first if it runs.</source>
        <translation>若容器正在运行，先将其停止。</translation>
    </message>
    <message>
        <source>A template option (see &apos;berthctl template list&apos;).</source>
        <translation>模板选项（参见“berthctl template list”）。</translation>
    </message>
    <message>
        <source>Input for the template (tarball, OCI archive or layout, LXC container directory; - is stdin).</source>
        <translation>模板的输入（tar 包、OCI 归档或布局目录、LXC 容器目录；- 表示标准输入）。</translation>
    </message>
    <message>
        <source>Attach eth0 to this bridge.</source>
        <translation>将 eth0 连接到此网桥。</translation>
    </message>
    <message>
        <source>Create a container from a template.</source>
        <translation>从模板创建容器。</translation>
    </message>
    <message>
        <source>The template (see &apos;berthctl template list&apos;).</source>
        <translation>模板（参见“berthctl template list”）。</translation>
    </message>
    <message>
        <source>An application container running COMMAND.</source>
        <translation>运行 COMMAND 的应用容器。</translation>
    </message>
    <message>
        <source>A system container (its own init).</source>
        <translation>系统容器（运行自己的 init）。</translation>
    </message>
    <message>
        <source>create: -t TEMPLATE is required</source>
        <translation>create：必须指定 -t TEMPLATE</translation>
    </message>
    <message>
        <source>Create an application container, start it and attach to its console (as &apos;docker run&apos;). IMAGE is a path to an OCI archive or layout, sent to the oci template. The exit status is the command&apos;s.</source>
        <translation>创建一个应用容器，启动它并连接到其控制台（同“docker run”）。IMAGE 是 OCI 归档或布局目录的路径，交由 oci 模板处理。退出状态即该命令的退出状态。</translation>
    </message>
    <message>
        <source>Destroy the container when it stops.</source>
        <translation>容器停止时将其销毁。</translation>
    </message>
    <message>
        <source>Pass stdin to the console.</source>
        <translation>将标准输入传给控制台。</translation>
    </message>
    <message>
        <source>Raw terminal, Ctrl-a q detaches.</source>
        <translation>原始终端模式，按 Ctrl-a q 断开连接。</translation>
    </message>
    <message>
        <source>Start it and print its name.</source>
        <translation>启动容器并输出其名称。</translation>
    </message>
    <message>
        <source>The container&apos;s name.</source>
        <translation>容器名称。</translation>
    </message>
    <message>
        <source>Run a command in a running container. With a terminal on stdin it gets a new pty, otherwise berthctl&apos;s own stdin, stdout and stderr. The exit status is the command&apos;s.</source>
        <translation>在运行中的容器里执行命令。标准输入是终端时，命令获得一个新的 pty；否则使用 berthctl 自身的标准输入、标准输出和标准错误。退出状态即该命令的退出状态。</translation>
    </message>
    <message>
        <source>Add an environment variable.</source>
        <translation>添加一个环境变量。</translation>
    </message>
    <message>
        <source>Working directory (default /).</source>
        <translation>工作目录（默认 /）。</translation>
    </message>
    <message>
        <source>Never allocate a pty.</source>
        <translation>不分配 pty。</translation>
    </message>
    <message>
        <source>exec: no command given (berthctl exec NAME -- COMMAND)</source>
        <translation>exec：未指定命令（berthctl exec NAME -- COMMAND）</translation>
    </message>
    <message>
        <source>Connected to %1&apos;s console; Ctrl-a q detaches.<byte value="xd"/>
</source>
        <translation>已连接到 %1 的控制台；按 Ctrl-a q 断开连接。<byte value="xd"/>
</translation>
    </message>
    <message>
        <source>Attach to a running container&apos;s console. Ctrl-a q detaches (Ctrl-a Ctrl-a sends Ctrl-a).</source>
        <translation>连接到运行中容器的控制台。按 Ctrl-a q 断开连接（按 Ctrl-a Ctrl-a 发送 Ctrl-a）。</translation>
    </message>
    <message>
        <source>0 for /dev/console (default), else ttyN.</source>
        <translation>0 表示 /dev/console（默认），否则为 ttyN。</translation>
    </message>
    <message>
        <source>List templates with their options, types and defaults.</source>
        <translation>列出模板及其选项、类型和默认值。</translation>
    </message>
    <message>
        <source>template: unknown action &apos;%1&apos; (expected &apos;list&apos;)</source>
        <translation>template：未知操作“%1”（应为“list”）</translation>
    </message>
    <message>
        <source>What this host offers containers (as lxc-checkconfig). Exits 1 when something is missing.</source>
        <translation>检查本主机能为容器提供哪些功能（同 lxc-checkconfig）。有缺失时以 1 退出。</translation>
    </message>
    <message>
        <source>Write a stopped container&apos;s root filesystem as a gzip&apos;d tarball to FILE or stdout.</source>
        <translation>将已停止容器的根文件系统以 gzip 压缩的 tar 包写入 FILE 或标准输出。</translation>
    </message>
    <message>
        <source>export: refusing to write a tarball to a terminal</source>
        <translation>export：拒绝将 tar 包写入终端</translation>
    </message>
    <message>
        <source>cannot create &apos;%1&apos;: %2</source>
        <translation>无法创建“%1”：%2</translation>
    </message>
    <message>
        <source>The bridge&apos;s address, e.g. 10.0.3.1/24 (default: a free subnet).</source>
        <translation>网桥地址，例如 10.0.3.1/24（默认：一个空闲子网）。</translation>
    </message>
    <message>
        <source>DHCP range (default .2-.199).</source>
        <translation>DHCP 地址范围（默认 .2-.199）。</translation>
    </message>
    <message>
        <source>Do not masquerade traffic leaving the subnet.</source>
        <translation>不对离开子网的流量做地址伪装（masquerade）。</translation>
    </message>
    <message>
        <source>DNS domain (default berth).</source>
        <translation>DNS 域（默认 berth）。</translation>
    </message>
    <message>
        <source>MTU, 68-65535 (default: the kernel&apos;s).</source>
        <translation>MTU，68-65535（默认：内核的值）。</translation>
    </message>
    <message>
        <source>delete: even when configs name it.</source>
        <translation>delete：即使仍有配置引用它也删除。</translation>
    </message>
    <message>
        <source>list: print JSON.</source>
        <translation>list：以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>Berth&apos;s bridges, with DHCP, DNS and NAT.</source>
        <translation>Berth 的网桥，带 DHCP、DNS 和 NAT。</translation>
    </message>
    <message>
        <source>bridge %1: a bridge name is needed</source>
        <translation>bridge %1：需要指定网桥名称</translation>
    </message>
    <message>
        <source>bridge: unknown action &apos;%1&apos;</source>
        <translation>bridge：未知操作“%1”</translation>
    </message>
    <message>
        <source>A container&apos;s port forwards; SPEC is PROTO:[HOSTADDR:]HOSTPORT:PORT, e.g. tcp:8080:80.</source>
        <translation>容器的端口转发；SPEC 的格式为 PROTO:[HOSTADDR:]HOSTPORT:PORT，例如 tcp:8080:80。</translation>
    </message>
    <message>
        <source>forward %1: NAME and SPEC are needed</source>
        <translation>forward %1：需要指定 NAME 和 SPEC</translation>
    </message>
    <message>
        <source>forward: unknown action &apos;%1&apos;</source>
        <translation>forward：未知操作“%1”</translation>
    </message>
    <message>
        <source>Resource use of running containers.</source>
        <translation>运行中容器的资源使用情况。</translation>
    </message>
    <message>
        <source>Refresh until interrupted.</source>
        <translation>持续刷新，直到被中断。</translation>
    </message>
    <message>
        <source>Refresh interval (default 2).</source>
        <translation>刷新间隔（默认 2）。</translation>
    </message>
    <message>
        <source>Print JSON (one array per refresh).</source>
        <translation>以 JSON 格式输出（每次刷新一个数组）。</translation>
    </message>
    <message>
        <source>Exit codes:
  0  success
  1  failure
  2  usage error or invalid argument
  3  not authorized
  4  no such container, bridge or job
  5  busy (another operation holds the container)
  6  the helper (org.berth.Berth1) cannot be reached
  exec and run: the command&apos;s own exit status
</source>
        <translation>退出码：
  0  成功
  1  失败
  2  用法错误或参数无效
  3  未获授权
  4  没有该容器、网桥或作业
  5  忙（另一个操作正占用该容器）
  6  无法连接辅助服务（org.berth.Berth1）
  exec 和 run：命令自身的退出状态
</translation>
    </message>
    <message>
        <source>Usage: berthctl %1 %2</source>
        <translation>用法：berthctl %1 %2</translation>
    </message>
    <message>
        <source>Usage: berthctl %1 %2
</source>
        <translation>用法：berthctl %1 %2
</translation>
    </message>
    <message>
        <source>Try &apos;berthctl %1 --help&apos;.
</source>
        <translation>请尝试“berthctl %1 --help”。
</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>Memory limit (512M, 1.5G, max).</source>
        <translation>内存上限（512M、1.5G、max）。</translation>
    </message>
    <message>
        <source>Memory throttling threshold.</source>
        <translation>内存限流阈值。</translation>
    </message>
    <message>
        <source>Swap limit.</source>
        <translation>交换空间上限。</translation>
    </message>
    <message>
        <source>CPU quota in cores (1.5, max).</source>
        <translation>以核数计的 CPU 配额（1.5、max）。</translation>
    </message>
    <message>
        <source>CPU weight, 1-10000.</source>
        <translation>CPU 权重，1-10000。</translation>
    </message>
    <message>
        <source>CPUs it may run on (0-1,3).</source>
        <translation>允许使用的 CPU（0-1,3）。</translation>
    </message>
    <message>
        <source>Maximum number of processes (or max).</source>
        <translation>最大进程数（或 max）。</translation>
    </message>
    <message>
        <source>IO weight, 1-10000.</source>
        <translation>IO 权重，1-10000。</translation>
    </message>
    <message>
        <source>invalid CPU list &apos;%1&apos; (example: 0-1,3)</source>
        <translation>无效的 CPU 列表“%1”（示例：0-1,3）</translation>
    </message>
    <message>
        <source>unknown limit &apos;%1&apos;</source>
        <translation>未知的限制“%1”</translation>
    </message>
    <message>
        <source>List containers</source>
        <translation>列出容器</translation>
    </message>
    <message>
        <source>Show one container</source>
        <translation>显示一个容器</translation>
    </message>
    <message>
        <source>Create a container from a template</source>
        <translation>从模板创建容器</translation>
    </message>
    <message>
        <source>Start a container</source>
        <translation>启动容器</translation>
    </message>
    <message>
        <source>Stop a container</source>
        <translation>停止容器</translation>
    </message>
    <message>
        <source>Send a signal to a container&apos;s init</source>
        <translation>向容器的 init 进程发送信号</translation>
    </message>
    <message>
        <source>Freeze a container</source>
        <translation>冻结容器</translation>
    </message>
    <message>
        <source>Thaw a frozen container</source>
        <translation>解冻已冻结的容器</translation>
    </message>
    <message>
        <source>Run a command in a running container</source>
        <translation>在运行中的容器里执行命令</translation>
    </message>
    <message>
        <source>Attach to a container&apos;s console</source>
        <translation>连接到容器的控制台</translation>
    </message>
    <message>
        <source>Remove a container</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <source>Show, set or edit a container&apos;s config</source>
        <translation>显示、设置或编辑容器的配置</translation>
    </message>
    <message>
        <source>Show or change resource limits</source>
        <translation>显示或更改资源限制</translation>
    </message>
    <message>
        <source>Resource use of running containers</source>
        <translation>运行中容器的资源使用情况</translation>
    </message>
    <message>
        <source>List, create, change or delete bridges</source>
        <translation>列出、创建、更改或删除网桥</translation>
    </message>
    <message>
        <source>List, add or remove port forwards</source>
        <translation>列出、添加或删除端口转发</translation>
    </message>
    <message>
        <source>List templates and their options</source>
        <translation>列出模板及其选项</translation>
    </message>
    <message>
        <source>Check what the host offers containers</source>
        <translation>检查主机能为容器提供哪些功能</translation>
    </message>
    <message>
        <source>Export a container&apos;s rootfs as a tarball</source>
        <translation>将容器的根文件系统导出为 tar 包</translation>
    </message>
    <message>
        <source>Create, start and attach an application container</source>
        <translation>创建、启动并连接应用容器</translation>
    </message>
    <message>
        <source>Usage: berthctl COMMAND [ARGS...]

Manage Berth containers through the berth-helper service.
The bus is the system bus, or BERTH_BUS_ADDRESS when set.

Commands:
</source>
        <translation>用法：berthctl COMMAND [ARGS...]

通过 berth-helper 服务管理 Berth 容器。
使用系统总线；若设置了 BERTH_BUS_ADDRESS，则使用该总线。

命令：
</translation>
    </message>
    <message>
        <source>
&apos;berthctl COMMAND --help&apos; describes a command.

</source>
        <translation>
“berthctl COMMAND --help”显示某个命令的说明。

</translation>
    </message>
    <message>
        <source>berthctl: unknown command &apos;%1&apos;; see &apos;berthctl --help&apos;.
</source>
        <translation>berthctl：未知命令“%1”；请参阅“berthctl --help”。
</translation>
    </message>
    <message>
        <source>cannot reach the Berth helper (org.berth.Berth1): %1</source>
        <translation>无法连接 Berth 辅助服务（org.berth.Berth1）：%1</translation>
    </message>
    <message>
        <source>not authorized</source>
        <translation>未获授权</translation>
    </message>
    <message>
        <source>
Cancelling...
</source>
        <translation>
正在取消……
</translation>
    </message>
    <message>
        <source>invalid size &apos;%1&apos; (examples: 512M, 1.5G, 4096)</source>
        <translation>无效的大小“%1”（示例：512M、1.5G、4096）</translation>
    </message>
    <message>
        <source>invalid CPU count &apos;%1&apos; (a number of cores such as 1.5, or max)</source>
        <translation>无效的 CPU 数量“%1”（应为核数，如 1.5，或 max）</translation>
    </message>
    <message>
        <source>invalid signal &apos;%1&apos; (a name such as TERM or a number 1-64)</source>
        <translation>无效的信号“%1”（应为 TERM 这样的名称或 1-64 的编号）</translation>
    </message>
    <message>
        <source>expected key=value, got &apos;%1&apos;</source>
        <translation>应为 key=value，实际为“%1”</translation>
    </message>
    <message>
        <source>invalid number &apos;%1&apos; (expected %2 to %3)</source>
        <translation>无效的数字“%1”（应为 %2 到 %3）</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>ADDRESSES</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>PID:</source>
        <translation>PID：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Autostart:</source>
        <translation>自动启动：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>启动时间：</translation>
    </message>
    <message>
        <source>Last exit code:</source>
        <translation>上次退出码：</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>上次错误：</translation>
    </message>
    <message>
        <source>Limit %1:</source>
        <translation>限制 %1：</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>默认 %1</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>可选值 %1</translation>
    </message>
    <message>
        <source>CPU%</source>
        <translation>CPU%</translation>
    </message>
    <message>
        <source>CPU TIME</source>
        <translation>CPU 时间</translation>
    </message>
    <message>
        <source>MEMORY / LIMIT</source>
        <translation>内存 / 上限</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>IO READ / WRITE</source>
        <translation>IO 读 / 写</translation>
    </message>
    <message>
        <source>NET RX / TX</source>
        <translation>网络 RX / TX</translation>
    </message>
    <message>
        <source>up</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>down</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>DHCP RANGE</source>
        <translation>DHCP 范围</translation>
    </message>
    <message>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <source>LINK</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>LIMIT</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Print what the container&apos;s consoles have printed, across its runs.</source>
        <translation>输出容器各控制台在其历次运行中打印的内容。</translation>
    </message>
    <message>
        <source>Keep printing while it runs; the exit status is then its command&apos;s.</source>
        <translation>在容器运行期间持续输出；此时退出状态即其命令的退出状态。</translation>
    </message>
    <message>
        <source>Print a container&apos;s console log</source>
        <translation>输出容器的控制台日志</translation>
    </message>
</context>
</TS>
