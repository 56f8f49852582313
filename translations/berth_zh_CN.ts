<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BridgeChecks</name>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>The name may have at most 15 characters.</source>
        <translation>名称最多只能有 15 个字符。</translation>
    </message>
    <message>
        <source>The name must start with a letter, a digit or &apos;_&apos;.</source>
        <translation>名称必须以字母、数字或“_”开头。</translation>
    </message>
    <message>
        <source>The name may contain only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation>名称只能包含字母、数字、“_”、“-”和“.”。</translation>
    </message>
    <message>
        <source>A bridge with this name exists already.</source>
        <translation>已存在同名的网桥。</translation>
    </message>
    <message>
        <source>Enter the subnet as an address with a prefix length, such as 10.0.5.0/24.</source>
        <translation>请以地址加前缀长度的形式输入子网，例如 10.0.5.0/24。</translation>
    </message>
    <message>
        <source>The prefix length must be between 8 and 30.</source>
        <translation>前缀长度必须在 8 到 30 之间。</translation>
    </message>
    <message>
        <source>This is not the first address of the subnet: use the network address, such as 10.0.5.0/24.</source>
        <translation>这不是子网的第一个地址：请使用网络地址，例如 10.0.5.0/24。</translation>
    </message>
    <message>
        <source>The subnet overlaps addresses no bridge may use (loopback 127.0.0.0/8, link-local 169.254.0.0/16, multicast 224.0.0.0/4, 0.0.0.0/8 or 240.0.0.0/4): use a private subnet such as 10.0.5.0/24.</source>
        <translation>该子网与任何网桥都不能使用的地址重叠（环回 127.0.0.0/8、链路本地 169.254.0.0/16、组播 224.0.0.0/4、0.0.0.0/8 或 240.0.0.0/4）：请使用私有子网，例如 10.0.5.0/24。</translation>
    </message>
    <message>
        <source>The subnet overlaps the subnet of another bridge.</source>
        <translation>该子网与另一个网桥的子网重叠。</translation>
    </message>
    <message>
        <source>Enter an IPv4 address, such as 10.0.5.1.</source>
        <translation>请输入 IPv4 地址，例如 10.0.5.1。</translation>
    </message>
    <message>
        <source>The address is outside the subnet.</source>
        <translation>该地址不在子网内。</translation>
    </message>
    <message>
        <source>The first and the last address of the subnet cannot be used.</source>
        <translation>子网的第一个和最后一个地址不能使用。</translation>
    </message>
    <message>
        <source>The DHCP range ends before it starts.</source>
        <translation>DHCP 范围的结束地址早于起始地址。</translation>
    </message>
    <message>
        <source>The DHCP range must not contain the bridge&apos;s own address.</source>
        <translation>DHCP 范围不得包含网桥自身的地址。</translation>
    </message>
    <message>
        <source>The domain may contain only lower-case letters, digits, &apos;-&apos; and dots between names.</source>
        <translation>域名只能包含小写字母、数字、“-”，以及各级名称之间的点。</translation>
    </message>
    <message>
        <source>The MTU must be 0 (the kernel&apos;s default) or between 68 and 65535.</source>
        <translation>MTU 必须为 0（内核默认值）或介于 68 到 65535 之间。</translation>
    </message>
</context>
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
    <message>
        <source>You are not allowed to %1: %2</source>
        <translation>您无权%1：%2</translation>
    </message>
    <message>
        <source>Could not %1: the Berth helper stopped before it was done. The list shows what is in force now; try again if it is not done (the helper starts again and removes what was left half-made).</source>
        <translation>无法%1：Berth 辅助服务在完成之前已停止。列表显示当前实际生效的状态；如果操作未完成，请重试（辅助服务会重新启动并清除未完成的残留）。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Menus open with Alt and their underlined letter; Tab and Shift+Tab move between the filter, the list and the details.</source>
        <translation>按 Alt 加带下划线的字母打开菜单；Tab 和 Shift+Tab 在筛选框、列表和详细信息之间切换。</translation>
    </message>
    <message>
        <source>About Berth</source>
        <translation>关于 Berth</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Berth %1&lt;/h3&gt;&lt;p&gt;Create, run and watch local Linux containers: system containers that boot a distribution, and application containers that run one command, with limits you change while they run.&lt;/p&gt;&lt;p&gt;Built with Qt %2. The manual is in Help → Berth Manual; the command line tool is &lt;tt&gt;berthctl&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Berth %1&lt;/h3&gt;&lt;p&gt;创建、运行和监视本地 Linux 容器：启动整个发行版的系统容器，以及运行单个命令的应用容器，其资源限制可在运行时修改。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。手册位于“帮助 → Berth 手册”；命令行工具为 &lt;tt&gt;berthctl&lt;/tt&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Berth &amp;Manual</source>
        <translation>Berth 手册(&amp;M)</translation>
    </message>
    <message>
        <source>Berth Manual</source>
        <translation>Berth 手册</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts — Berth</source>
        <translation>键盘快捷键 — Berth</translation>
    </message>
    <message>
        <source>&amp;About Berth</source>
        <translation>关于 Berth(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ImageTexts</name>
    <message>
        <source>Type an image name, such as debian:bookworm.</source>
        <translation>请输入镜像名称，例如 debian:bookworm。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a registry: a host name or address, with an optional :port.</source>
        <translation>&apos;%1&apos; 不是镜像仓库：应为主机名或地址，可带 :端口。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a repository name: lowercase letters, digits and . _ - between them, parts separated by /.</source>
        <translation>&apos;%1&apos; 不是仓库名：由小写字母和数字组成，中间可用 . _ -，各部分以 / 分隔。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a tag: letters, digits, _ . and -, at most 128, not starting with . or -.</source>
        <translation>&apos;%1&apos; 不是标签：由字母、数字、_ . 和 - 组成，最多 128 个，不能以 . 或 - 开头。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a digest: sha256: followed by 64 lowercase hex digits.</source>
        <translation>&apos;%1&apos; 不是摘要：应为 sha256: 后跟 64 位小写十六进制数字。</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>解压中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Already in the store</source>
        <translation>已在存储中</translation>
    </message>
    <message>
        <source>&lt;none&gt; (%1)</source>
        <translation>&lt;无名称&gt; (%1)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 前</translation>
    </message>
    <message numerus="yes">
        <source>none of %n layer(s)</source>
        <translation>
            <numerusform>%n 层中无共享</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n layer(s) (%2)</source>
        <translation>
            <numerusform>%n 层中的 %1 层（%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>Outsider</name>
    <message>
        <source>You are not in the group &apos;%1&apos;, so Berth asks for an administrator&apos;s password for every change. To manage containers without it, run &lt;code&gt;sudo adduser %2 %1&lt;/code&gt; in a terminal, then log out and in again.</source>
        <translation>您不在“%1”组中，因此 Berth 每次更改都会要求输入管理员密码。若要无需密码管理容器，请在终端中运行 &lt;code&gt;sudo adduser %2 %1&lt;/code&gt;，然后注销并重新登录。</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>CPU up to %1 cores</source>
        <translation>CPU 最多 %1 个核心</translation>
    </message>
    <message>
        <source>CPU: no limit</source>
        <translation>CPU：无限制</translation>
    </message>
    <message>
        <source>CPU weight %1 when containers compete (100 is the default)</source>
        <translation>容器争用时 CPU 权重为 %1（默认 100）</translation>
    </message>
    <message>
        <source>CPU shares %1 when containers compete (1024 is the default)</source>
        <translation>容器争用时 CPU 份额为 %1（默认 1024）</translation>
    </message>
    <message>
        <source>Runs only on CPUs %1</source>
        <translation>仅在 CPU %1 上运行</translation>
    </message>
    <message>
        <source>Uses only memory nodes %1</source>
        <translation>仅使用内存节点 %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Disk weight %1 when containers compete (100 is the default)</source>
        <translation>容器争用时磁盘权重为 %1（默认 100）</translation>
    </message>
    <message>
        <source>Disk weight %1 when containers compete (500 is the default)</source>
        <translation>容器争用时磁盘权重为 %1（默认 500）</translation>
    </message>
    <message>
        <source>reads up to %1</source>
        <translation>读取最多 %1</translation>
    </message>
    <message>
        <source>writes up to %1</source>
        <translation>写入最多 %1</translation>
    </message>
    <message>
        <source>%1 reads per second</source>
        <translation>每秒 %1 次读取</translation>
    </message>
    <message>
        <source>%1 writes per second</source>
        <translation>每秒 %1 次写入</translation>
    </message>
    <message>
        <source>Disk %1:%2: %3</source>
        <translation>磁盘 %1:%2：%3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>memory %1 (no limit)</source>
        <translation>内存 %1（无限制）</translation>
    </message>
    <message>
        <source>memory %1 of %2</source>
        <translation>内存 %1 / %2</translation>
    </message>
    <message>
        <source>1 process</source>
        <translation>1 个进程</translation>
    </message>
    <message>
        <source>%1 processes</source>
        <translation>%1 个进程</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1，最多 %2</translation>
    </message>
    <message>
        <source>exited normally</source>
        <translation>正常退出</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>以代码 %1 退出</translation>
    </message>
    <message>
        <source>killed by %1 (Force stop, or out of memory)</source>
        <translation>被 %1 终止（强制停止，或内存不足）</translation>
    </message>
    <message>
        <source>stopped by %1</source>
        <translation>被 %1 停止</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Frozen: its processes are paused until you thaw it</source>
        <translation>已冻结：其进程已暂停，直到您将其解冻</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Stopped — last run ended with an error: %1</source>
        <translation>已停止 — 上次运行以错误结束：%1</translation>
    </message>
    <message>
        <source>Stopped — last run: %1</source>
        <translation>已停止 — 上次运行：%1</translation>
    </message>
    <message>
        <source>CPU %1 % of one core</source>
        <translation>CPU 占一个核心的 %1 %</translation>
    </message>
    <message>
        <source>Memory: no limit</source>
        <translation>内存：无限制</translation>
    </message>
    <message>
        <source>Memory up to %1</source>
        <translation>内存最多 %1</translation>
    </message>
    <message>
        <source>Memory above %1 is reclaimed first</source>
        <translation>超过 %1 的内存会被优先回收</translation>
    </message>
    <message>
        <source>Swap: no limit</source>
        <translation>交换空间：无限制</translation>
    </message>
    <message>
        <source>Swap up to %1</source>
        <translation>交换空间最多 %1</translation>
    </message>
    <message>
        <source>Processes: no limit</source>
        <translation>进程：无限制</translation>
    </message>
    <message>
        <source>At most %1 processes</source>
        <translation>最多 %1 个进程</translation>
    </message>
    <message>
        <source>unknown (its configuration cannot be read)</source>
        <translation>未知（无法读取其配置）</translation>
    </message>
    <message>
        <source>System container: boots its own init</source>
        <translation>系统容器：启动自己的 init</translation>
    </message>
    <message>
        <source>Application container: runs one command</source>
        <translation>应用容器：运行一个命令</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 端口 %2</translation>
    </message>
    <message>
        <source>host port %1</source>
        <translation>主机端口 %1</translation>
    </message>
    <message>
        <source>%1 → port %2 (%3)</source>
        <translation>%1 → 端口 %2（%3）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No network: loopback only</source>
        <translation>无网络：仅回环</translation>
    </message>
    <message>
        <source>None while it is not running</source>
        <translation>未运行时没有</translation>
    </message>
    <message>
        <source>None while it is not running (reserved: %1)</source>
        <translation>未运行时没有（已保留：%1）</translation>
    </message>
    <message>
        <source>No address yet</source>
        <translation>尚无地址</translation>
    </message>
    <message>
        <source>Running without its monitor (it was killed): its console and commands are unavailable; Stop ends it</source>
        <translation>在没有监视进程的情况下运行（监视进程已被终止）：控制台和命令不可用；“停止”可将其结束</translation>
    </message>
</context>
<context>
    <name>Privilege</name>
    <message>
        <source>Privileged: root inside this container is root on this computer</source>
        <translation>特权容器：此容器内的 root 就是本机的 root</translation>
    </message>
    <message>
        <source>Privileged: root inside is root on this computer</source>
        <translation>特权：容器内的 root 就是本机的 root</translation>
    </message>
    <message>
        <source>Unprivileged: %1</source>
        <translation>非特权：%1</translation>
    </message>
    <message>
        <source>rootfs shifted into them once at creation</source>
        <translation>根文件系统在创建时一次性移入这些 ID</translation>
    </message>
    <message>
        <source>rootfs through an idmapped mount</source>
        <translation>根文件系统经由 ID 映射挂载</translation>
    </message>
    <message>
        <source>Unprivileged: host IDs %1 (%2)</source>
        <translation>非特权：主机 ID %1（%2）</translation>
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
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Running, unmanaged</source>
        <translation>运行中（未受管理）</translation>
    </message>
</context>
<context>
    <name>StaticAddressCheck</name>
    <message>
        <source>Enter the container&apos;s IPv4 address.</source>
        <translation>请输入容器的 IPv4 地址。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 address; write it as four numbers from 0 to 255 separated by dots, such as 10.0.3.20.</source>
        <translation>“%1”不是 IPv4 地址；请写成以点分隔的四个 0 到 255 之间的数字，例如 10.0.3.20。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the bridge&apos;s network %2.</source>
        <translation>“%1”不在网桥的网络 %2 中。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the address of the network itself; choose another one.</source>
        <translation>“%1”是网络本身的地址；请另选一个。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the broadcast address of the network; choose another one.</source>
        <translation>“%1”是该网络的广播地址；请另选一个。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the bridge&apos;s own address; choose another one.</source>
        <translation>“%1”是网桥自己的地址；请另选一个。</translation>
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
    <name>UsageSummary</name>
    <message>
        <source>No figures yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1, no limit</source>
        <translation>%1，无限制</translation>
    </message>
    <message>
        <source>%1 (soft limit %2)</source>
        <translation>%1（软限制 %2）</translation>
    </message>
    <message>
        <source>%1, no quota</source>
        <translation>%1，无配额</translation>
    </message>
    <message>
        <source>%1, quota %2 (%3 cores)</source>
        <translation>%1，配额 %2（%3 个核心）</translation>
    </message>
    <message>
        <source>read %1, written %2</source>
        <translation>读取 %1，写入 %2</translation>
    </message>
    <message>
        <source>received %1, sent %2</source>
        <translation>接收 %1，发送 %2</translation>
    </message>
</context>
<context>
    <name>berth::client::RegistryCredentials</name>
    <message>
        <source>ignoring &apos;%1&apos;: not a regular file</source>
        <translation>忽略 &apos;%1&apos;：不是普通文件</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: it belongs to another user (uid %2)</source>
        <translation>忽略 &apos;%1&apos;：它属于另一个用户（UID %2）</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: others may write it (chmod go-w)</source>
        <translation>忽略 &apos;%1&apos;：其他人可以写入它（chmod go-w）</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: larger than 1 MiB</source>
        <translation>忽略 &apos;%1&apos;：大于 1 MiB</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: %2</source>
        <translation>忽略 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: cannot read it</source>
        <translation>忽略 &apos;%1&apos;：无法读取</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names a credential helper (credsStore or credHelpers) for &apos;%2&apos;: Berth does not run credential helpers; log in with &apos;podman login %2&apos; (auth.json) instead</source>
        <translation>&apos;%1&apos; 为 &apos;%2&apos; 指定了凭据助手（credsStore 或 credHelpers）：Berth 不运行凭据助手；请改用 &apos;podman login %2&apos;（auth.json）登录</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: not a JSON object (%2)</source>
        <translation>忽略 &apos;%1&apos;：不是 JSON 对象（%2）</translation>
    </message>
</context>
<context>
    <name>berth::gui::AddressChoice</name>
    <message>
        <source>Automatic (DHCP/IPAM)</source>
        <translation>自动（DHCP/IPAM）</translation>
    </message>
    <message>
        <source>Static</source>
        <translation>静态</translation>
    </message>
</context>
<context>
    <name>berth::gui::AutostartBox</name>
    <message>
        <source>Start when the host boots</source>
        <translation>主机启动时启动</translation>
    </message>
    <message numerus="yes">
        <source>Starts in boot order %1, then the next one waits %n second(s).</source>
        <translation>
            <numerusform>按启动顺序 %1 启动，之后下一个等待 %n 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Starts in boot order %1 (lower numbers start first).</source>
        <translation>按启动顺序 %1 启动（数字小的先启动）。</translation>
    </message>
    <message>
        <source>Waits at boot until these host interfaces are up: %1.</source>
        <translation>启动时等待这些主机接口启用：%1。</translation>
    </message>
    <message>
        <source>start &apos;%1&apos; when the host boots</source>
        <translation>设置主机启动时启动“%1”</translation>
    </message>
    <message>
        <source>stop starting &apos;%1&apos; when the host boots</source>
        <translation>取消主机启动时启动“%1”</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeNamePage</name>
    <message>
        <source>Bridge name</source>
        <translation>网桥名称</translation>
    </message>
    <message>
        <source>Containers attached to the bridge share its subnet. The name is the bridge&apos;s network interface on the host.</source>
        <translation>连接到此网桥的容器共享其子网。该名称即网桥在主机上的网络接口名。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeOptionsPage</name>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Let containers reach other networks through the host (NAT)</source>
        <translation>允许容器通过主机访问其他网络（NAT）</translation>
    </message>
    <message>
        <source>DNS domain:</source>
        <translation>DNS 域：</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeSubnetPage</name>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>The subnet of the bridge, the bridge&apos;s own address in it, and the addresses DHCP hands out to containers.</source>
        <translation>网桥的子网、网桥自身在其中的地址，以及 DHCP 分配给容器的地址。</translation>
    </message>
    <message>
        <source>Subnet:</source>
        <translation>子网：</translation>
    </message>
    <message>
        <source>Use it</source>
        <translation>使用此子网</translation>
    </message>
    <message>
        <source>Bridge address:</source>
        <translation>网桥地址：</translation>
    </message>
    <message>
        <source>DHCP range from:</source>
        <translation>DHCP 范围从：</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>The whole subnet: the DHCP range is filled in, the bridge address is the dark mark.</source>
        <translation>整个子网：填充部分为 DHCP 范围，深色标记为网桥地址。</translation>
    </message>
    <message>
        <source>Suggested free subnet: %1</source>
        <translation>建议的空闲子网：%1</translation>
    </message>
    <message>
        <source>Every 10.0.N.0/24 subnet is in use; choose another.</source>
        <translation>所有 10.0.N.0/24 子网均已被占用；请另选一个。</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeWizard</name>
    <message>
        <source>Edit bridge &apos;%1&apos;</source>
        <translation>编辑网桥“%1”</translation>
    </message>
    <message>
        <source>New bridge</source>
        <translation>新建网桥</translation>
    </message>
    <message>
        <source>Name: %1
Bridge address: %2
DHCP range: %3
NAT: %4
DNS domain: %5</source>
        <translation>名称：%1
网桥地址：%2
DHCP 范围：%3
NAT：%4
DNS 域：%5</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>berth (the default)</source>
        <translation>berth（默认）</translation>
    </message>
    <message>
        <source>Saving the bridge…</source>
        <translation>正在保存网桥…</translation>
    </message>
    <message>
        <source>change the bridge &apos;%1&apos;</source>
        <translation>更改网桥“%1”</translation>
    </message>
    <message>
        <source>create the bridge &apos;%1&apos;</source>
        <translation>创建网桥“%1”</translation>
    </message>
</context>
<context>
    <name>berth::gui::ConfigTab</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>The config of &apos;%1&apos; has changes that are not saved. Discard them?</source>
        <translation>“%1”的配置有未保存的更改。要放弃这些更改吗？</translation>
    </message>
    <message>
        <source>read the config of &apos;%1&apos;</source>
        <translation>读取“%1”的配置</translation>
    </message>
    <message>
        <source>save the config of &apos;%1&apos;</source>
        <translation>保存“%1”的配置</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Show the configuration as it is now; your edits are discarded.</source>
        <translation>显示当前的配置；您的修改将被丢弃。</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>The configuration of &apos;%1&apos; was changed outside this editor (a limit, autostart, an interface or another editor).</source>
        <translation>“%1”的配置已在此编辑器之外被更改（限制、自动启动、网络接口或其他编辑器）。</translation>
    </message>
    <message>
        <source>Reload shows it as it is now (your edits are discarded); a save of your edits would be refused.</source>
        <translation>“重新加载”会显示当前的配置（您的修改将被丢弃）；保存您的修改会被拒绝。</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Not saved: the configuration of &apos;%1&apos; was changed since you opened it.</source>
        <translation>未保存：自您打开以来，“%1”的配置已被更改。</translation>
    </message>
    <message>
        <source>Saved. Berth keeps these lines but does not apply them:</source>
        <translation>已保存。Berth 保留这些行，但不会应用它们：</translation>
    </message>
</context>
<context>
    <name>berth::gui::ConsoleTab</name>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>The container&apos;s console, or a new shell in it.</source>
        <translation>容器的控制台，或在其中新开的 Shell。</translation>
    </message>
    <message>
        <source>Open in a terminal window</source>
        <translation>在终端窗口中打开</translation>
    </message>
    <message>
        <source>No container is selected.</source>
        <translation>未选择容器。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not running. Start it to use its console.</source>
        <translation>“%1”未在运行。请先启动它，才能使用其控制台。</translation>
    </message>
    <message>
        <source>open the console of &apos;%1&apos;</source>
        <translation>打开“%1”的控制台</translation>
    </message>
    <message>
        <source>open a shell in &apos;%1&apos;</source>
        <translation>在“%1”中打开 Shell</translation>
    </message>
    <message>
        <source>The terminal could not be opened: %1</source>
        <translation>无法打开终端：%1</translation>
    </message>
    <message>
        <source>The console was closed.</source>
        <translation>控制台已关闭。</translation>
    </message>
    <message>
        <source>The shell has ended.</source>
        <translation>Shell 已结束。</translation>
    </message>
    <message>
        <source>Keys go to the container while the terminal has the focus. Ctrl+Tab leaves the terminal; click in it to type again.</source>
        <translation>终端获得焦点时，按键都发送到容器。Ctrl+Tab 离开终端；点击终端可再次输入。</translation>
    </message>
    <message>
        <source>Console of &apos;%1&apos;</source>
        <translation>“%1”的控制台</translation>
    </message>
    <message>
        <source>Shell in &apos;%1&apos;</source>
        <translation>“%1”中的 Shell</translation>
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
    <name>berth::gui::ContainerNameValidator</name>
    <message>
        <source>Enter a name for the container.</source>
        <translation>请输入容器名称。</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>名称超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The name must start with a lowercase letter or a digit.</source>
        <translation>名称必须以小写字母或数字开头。</translation>
    </message>
    <message>
        <source>The name contains &apos;%1&apos;; allowed are a-z, 0-9, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>名称包含“%1”；只允许使用 a-z、0-9、“_”、“.”和“-”。</translation>
    </message>
    <message>
        <source>A container named &apos;%1&apos; exists already.</source>
        <translation>名为“%1”的容器已存在。</translation>
    </message>
</context>
<context>
    <name>berth::gui::CpusetPicker</name>
    <message>
        <source>All CPUs</source>
        <translation>所有 CPU</translation>
    </message>
    <message>
        <source>CPU numbers and ranges, such as 0-1,3. Empty: all CPUs.</source>
        <translation>CPU 编号和范围，例如 0-1,3。留空：所有 CPU。</translation>
    </message>
</context>
<context>
    <name>berth::gui::ExternalTerminal</name>
    <message>
        <source>The terminal program &apos;%1&apos; was not found. Choose one in the settings.</source>
        <translation>未找到终端程序“%1”。请在设置中选择一个。</translation>
    </message>
    <message>
        <source>The terminal program &apos;%1&apos; could not be started.</source>
        <translation>无法启动终端程序“%1”。</translation>
    </message>
    <message>
        <source>Berth runs as a Flatpak that may not start programs on the host, so it cannot open a terminal there. Use the Console tab, or allow it with: flatpak override --user --talk-name=org.freedesktop.Flatpak org.berth.Berth</source>
        <translation>Berth 作为 Flatpak 运行，不允许在主机上启动程序，因此无法在主机上打开终端。请使用“控制台”选项卡，或用以下命令允许：flatpak override --user --talk-name=org.freedesktop.Flatpak org.berth.Berth</translation>
    </message>
</context>
<context>
    <name>berth::gui::FileField</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a folder; choose a file.</source>
        <translation>“%1”是文件夹；请选择文件。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a folder; choose a folder.</source>
        <translation>“%1”不是文件夹；请选择文件夹。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>berth::gui::ForwardDialog</name>
    <message>
        <source>Forward a port to &apos;%1&apos;</source>
        <translation>将端口转发到“%1”</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>协议：</translation>
    </message>
    <message>
        <source>All addresses of the host</source>
        <translation>主机的所有地址</translation>
    </message>
    <message>
        <source>Host address:</source>
        <translation>主机地址：</translation>
    </message>
    <message>
        <source>Host port:</source>
        <translation>主机端口：</translation>
    </message>
    <message>
        <source>Container port:</source>
        <translation>容器端口：</translation>
    </message>
    <message>
        <source>Enter an IPv4 address of the host, such as 127.0.0.1, or leave it empty.</source>
        <translation>请输入主机的 IPv4 地址（例如 127.0.0.1），或留空。</translation>
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
    <name>berth::gui::ImageListModel</name>
    <message>
        <source>list the images</source>
        <translation>列出镜像</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Shared layers</source>
        <translation>共享层</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
</context>
<context>
    <name>berth::gui::ImagePage</name>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>The image the container is made from, and what the container runs of it.</source>
        <translation>容器所基于的镜像，以及容器从中运行的内容。</translation>
    </message>
    <message>
        <source>What always runs; the command is given to it as arguments. Put an argument that contains spaces in double quotes.</source>
        <translation>始终运行的程序；命令作为参数传给它。包含空格的参数请用双引号括起来。</translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation>入口点：</translation>
    </message>
    <message>
        <source>The program and its arguments, separated by spaces. Put an argument that contains spaces in double quotes.</source>
        <translation>程序及其参数，以空格分隔。包含空格的参数请用双引号括起来。</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add &amp;Variable</source>
        <translation>添加变量(&amp;V)</translation>
    </message>
    <message>
        <source>Remove V&amp;ariable</source>
        <translation>删除变量(&amp;A)</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>环境变量：</translation>
    </message>
    <message>
        <source>/ (the root)</source>
        <translation>/（根目录）</translation>
    </message>
    <message>
        <source>Working directory:</source>
        <translation>工作目录：</translation>
    </message>
    <message>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message>
        <source>A user name or ID inside the container, optionally with :group</source>
        <translation>容器内的用户名或 ID，可带 :组</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>The image exposes no ports.</source>
        <translation>该镜像未公开任何端口。</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Type the name of an image, then pull it.</source>
        <translation>请输入镜像名称，然后拉取它。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is in the store (%2).</source>
        <translation>&apos;%1&apos; 已在存储中（%2）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the store yet: pull it to go on.</source>
        <translation>&apos;%1&apos; 尚不在存储中：请先拉取再继续。</translation>
    </message>
    <message>
        <source>read the image &apos;%1&apos;</source>
        <translation>读取镜像 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Forward %1 from host port</source>
        <translation>从主机端口转发 %1</translation>
    </message>
</context>
<context>
    <name>berth::gui::ImagesWindow</name>
    <message>
        <source>Images — Berth</source>
        <translation>镜像 — Berth</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Pr&amp;une…</source>
        <translation>清理(&amp;U)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Remove Image</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>Remove the image &apos;%1&apos; from the store? Containers made from it later will pull it again.</source>
        <translation>从存储中删除镜像 &apos;%1&apos;？以后用它创建容器时会重新拉取。</translation>
    </message>
    <message>
        <source>The image &apos;%1&apos; was removed.</source>
        <translation>镜像 &apos;%1&apos; 已删除。</translation>
    </message>
    <message>
        <source>The image &apos;%1&apos; was not removed: it is used by %2. Destroy those containers first.</source>
        <translation>镜像 &apos;%1&apos; 未删除：%2 正在使用它。请先销毁这些容器。</translation>
    </message>
    <message>
        <source>remove the image &apos;%1&apos;</source>
        <translation>删除镜像 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Prune Images</source>
        <translation>清理镜像</translation>
    </message>
    <message>
        <source>Remove the layers that no image in the store uses any more (those of removed images)?</source>
        <translation>删除存储中不再被任何镜像使用的层（已删除镜像的层）？</translation>
    </message>
    <message>
        <source>prune the images</source>
        <translation>清理镜像</translation>
    </message>
    <message>
        <source>Freed %1 (images removed: %2, layers removed: %3).</source>
        <translation>已释放 %1（删除镜像：%2，删除层：%3）。</translation>
    </message>
</context>
<context>
    <name>berth::gui::InterfaceDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Bridge:</source>
        <translation>网桥：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Chosen when the container starts</source>
        <translation>在容器启动时选定</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>MAC 地址：</translation>
    </message>
    <message>
        <source>There is no bridge yet: create one in the Networks window first.</source>
        <translation>还没有网桥：请先在“网络”窗口中创建一个。</translation>
    </message>
</context>
<context>
    <name>berth::gui::LayerProgressList</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
</context>
<context>
    <name>berth::gui::LimitScales</name>
    <message>
        <source>cores</source>
        <translation>核</translation>
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
    <name>berth::gui::LimitsPage</name>
    <message>
        <source>Limits</source>
        <translation>资源限制</translation>
    </message>
    <message>
        <source>What the container may use. The end of each slider is unlimited; limits can be changed later on the Resources tab.</source>
        <translation>容器可使用的资源。各滑块的最右端表示无限制；之后可在“资源”选项卡中更改限制。</translation>
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
</context>
<context>
    <name>berth::gui::LogTab</name>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the newest output in view.</source>
        <translation>始终显示最新的输出。</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>read the log of &apos;%1&apos;</source>
        <translation>读取“%1”的日志</translation>
    </message>
    <message>
        <source>Could not save the log to &apos;%1&apos;: %2</source>
        <translation>无法将日志保存到“%1”：%2</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Shows the most recent console output only: older output was dropped when the log reached its size limit (lxc.console.size).</source>
        <translation>仅显示最新的控制台输出：日志达到大小上限（lxc.console.size）时，较早的输出已被丢弃。</translation>
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
        <source>destroy &apos;%1&apos;</source>
        <translation>销毁“%1”</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Ter&amp;minal</source>
        <translation>终端(&amp;E)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>&amp;Clone…</source>
        <translation>克隆(&amp;C)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Console in a terminal &amp;window</source>
        <translation>在终端窗口中打开控制台(&amp;W)</translation>
    </message>
    <message>
        <source>Shell in a terminal w&amp;indow</source>
        <translation>在终端窗口中打开 Shell(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Networks…</source>
        <translation>网络(&amp;N)…</translation>
    </message>
    <message>
        <source>New &amp;bridge…</source>
        <translation>新建网桥(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System check…</source>
        <translation>系统检查(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos;</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>Tarballs (*.tar.gz *.tar.xz *.tar.zst *.tar)</source>
        <translation>tar 包 (*.tar.gz *.tar.xz *.tar.zst *.tar)</translation>
    </message>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>export &apos;%1&apos;</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>Exporting &apos;%1&apos; to &apos;%2&apos;…</source>
        <translation>正在将“%1”导出到“%2”…</translation>
    </message>
    <message>
        <source>Exported to &apos;%1&apos;.</source>
        <translation>已导出到“%1”。</translation>
    </message>
    <message>
        <source>Starting &apos;%1&apos;…</source>
        <translation>正在启动“%1”…</translation>
    </message>
    <message>
        <source>Autostart:</source>
        <translation>自动启动：</translation>
    </message>
    <message>
        <source>Shared folders:</source>
        <translation>共享文件夹：</translation>
    </message>
    <message>
        <source>Make &amp;unprivileged…</source>
        <translation>设为非特权(&amp;U)…</translation>
    </message>
    <message>
        <source>Give &apos;%1&apos; a user namespace of its own? Root inside becomes an unprivileged user on this computer; files it owns keep working.</source>
        <translation>为“%1”提供独立的用户命名空间？容器内的 root 将成为本机上的非特权用户；它拥有的文件仍可使用。</translation>
    </message>
    <message>
        <source>make &apos;%1&apos; unprivileged</source>
        <translation>将“%1”设为非特权</translation>
    </message>
    <message>
        <source>Switch between list and details</source>
        <translation>在列表和详细信息之间切换</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>概览(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Resources</source>
        <translation>资源(&amp;R)</translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <translation>网络(&amp;W)</translation>
    </message>
    <message>
        <source>Conso&amp;le</source>
        <translation>控制台(&amp;L)</translation>
    </message>
    <message>
        <source>L&amp;og</source>
        <translation>日志(&amp;O)</translation>
    </message>
    <message>
        <source>Confi&amp;g</source>
        <translation>配置(&amp;G)</translation>
    </message>
    <message>
        <source>Filter the list</source>
        <translation>筛选列表</translation>
    </message>
    <message>
        <source>Exporting to &apos;%1&apos;</source>
        <translation>正在导出到“%1”</translation>
    </message>
    <message>
        <source>Making &apos;%1&apos; unprivileged</source>
        <translation>正在将“%1”设为非特权</translation>
    </message>
    <message>
        <source>Quit Berth</source>
        <translation>退出 Berth</translation>
    </message>
    <message>
        <source>A task is still running in the Berth helper. It can go on without this window, or be cancelled.</source>
        <translation>Berth 辅助服务中仍有一个任务在运行。它可以在没有此窗口的情况下继续运行，也可以取消。</translation>
    </message>
    <message>
        <source>%1 tasks are still running in the Berth helper. They can go on without this window, or be cancelled.</source>
        <translation>Berth 辅助服务中仍有 %1 个任务在运行。它们可以在没有此窗口的情况下继续运行，也可以取消。</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>在后台继续运行</translation>
    </message>
    <message>
        <source>Cancel Tasks and Quit</source>
        <translation>取消任务并退出</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
    <message>
        <source>Destroy Container</source>
        <translation>销毁容器</translation>
    </message>
    <message>
        <source>Force Stop</source>
        <translation>强制停止</translation>
    </message>
    <message>
        <source>Force stop &apos;%1&apos;? Its processes are killed without a chance to save their work.</source>
        <translation>强制停止“%1”？其进程将被直接终止，无法保存工作。</translation>
    </message>
    <message>
        <source>Make Unprivileged</source>
        <translation>设为非特权</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>镜像(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Images…</source>
        <translation>镜像(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The images pulled from registries: pull, remove, prune</source>
        <translation>从镜像仓库拉取的镜像：拉取、删除、清理</translation>
    </message>
</context>
<context>
    <name>berth::gui::NamePage</name>
    <message>
        <source>Name and kind</source>
        <translation>名称和类型</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>System (boots the image&apos;s own init)</source>
        <translation>系统（启动镜像自带的 init）</translation>
    </message>
    <message>
        <source>Application (runs one command)</source>
        <translation>应用（运行单个命令）</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Empty: the image&apos;s own command</source>
        <translation>留空：使用镜像自带的命令</translation>
    </message>
    <message>
        <source>The program and its arguments, separated by spaces. Put an argument that contains spaces in double quotes.</source>
        <translation>程序及其参数，以空格分隔。包含空格的参数请用双引号括起来。</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>list the existing containers</source>
        <translation>列出现有容器</translation>
    </message>
    <message>
        <source>Privileged container</source>
        <translation>特权容器</translation>
    </message>
    <message>
        <source>Root inside a privileged container is root on this computer: creating one needs an administrator&apos;s password.</source>
        <translation>特权容器内的 root 就是本机的 root：创建特权容器需要管理员密码。</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkPage</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>No network (loopback only)</source>
        <translation>无网络（仅回环接口）</translation>
    </message>
    <message>
        <source>Bridge:</source>
        <translation>网桥：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Port forward:</source>
        <translation>端口转发：</translation>
    </message>
    <message>
        <source>Forwards:</source>
        <translation>转发列表：</translation>
    </message>
    <message>
        <source>list the bridges</source>
        <translation>列出网桥</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is in the list already.</source>
        <translation>“%1”已在列表中。</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port forward: write tcp or udp, the host port and the container&apos;s port, such as tcp:8080:80, or with a host address, udp:127.0.0.1:5353:53. Ports are 1 to 65535.</source>
        <translation>“%1”不是端口转发：请写 tcp 或 udp、主机端口和容器端口，例如 tcp:8080:80，或带主机地址的 udp:127.0.0.1:5353:53。端口范围为 1 到 65535。</translation>
    </message>
    <message>
        <source>New Bridge…</source>
        <translation>新建网桥…</translation>
    </message>
    <message>
        <source>Create a private network for containers, then use it for this one</source>
        <translation>为容器创建一个专用网络，并让此容器使用它</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkTab</name>
    <message>
        <source>Addresses now:</source>
        <translation>当前地址：</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Bridge or parent</source>
        <translation>网桥或父接口</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>Configured addresses</source>
        <translation>配置的地址</translation>
    </message>
    <message>
        <source>Port forwards</source>
        <translation>端口转发</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>主机地址</translation>
    </message>
    <message>
        <source>Host port</source>
        <translation>主机端口</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>容器端口</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>read the port forwards of &apos;%1&apos;</source>
        <translation>读取“%1”的端口转发</translation>
    </message>
    <message>
        <source>interface %1</source>
        <translation>接口 %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>forward &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>将“%1”转发到“%2”</translation>
    </message>
    <message>
        <source>remove the forward &apos;%1&apos; from &apos;%2&apos;</source>
        <translation>从“%2”删除转发“%1”</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Change the interface of &apos;%1&apos;</source>
        <translation>更改“%1”的网络接口</translation>
    </message>
    <message>
        <source>Add an interface to &apos;%1&apos;</source>
        <translation>为“%1”添加网络接口</translation>
    </message>
    <message>
        <source>Reserved:</source>
        <translation>已保留：</translation>
    </message>
    <message>
        <source>Add Interface…</source>
        <translation>添加接口…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove Interface</source>
        <translation>移除接口</translation>
    </message>
    <message>
        <source>Interface changes apply when the container next starts.</source>
        <translation>接口的更改在容器下次启动时生效。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>none (not running)</source>
        <translation>无（未运行）</translation>
    </message>
    <message>
        <source>read the bridges</source>
        <translation>读取网桥</translation>
    </message>
    <message>
        <source>add an interface on &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>为“%2”添加连接到“%1”的接口</translation>
    </message>
    <message>
        <source>change interface %1 of &apos;%2&apos;</source>
        <translation>更改“%2”的接口 %1</translation>
    </message>
    <message>
        <source>Remove interface %1 from &apos;%2&apos;?</source>
        <translation>要从“%2”移除接口 %1 吗？</translation>
    </message>
    <message>
        <source>Remove interface %1 (on &apos;%2&apos;) from &apos;%3&apos;?</source>
        <translation>要从“%3”移除接口 %1（连接到“%2”）吗？</translation>
    </message>
    <message>
        <source>remove interface %1 from &apos;%2&apos;</source>
        <translation>从“%2”移除接口 %1</translation>
    </message>
    <message>
        <source>Saved. It applies when &apos;%1&apos; is next started: restart it to use it now.</source>
        <translation>已保存。将在“%1”下次启动时生效：如需立即使用，请重新启动它。</translation>
    </message>
    <message>
        <source>Saved. It applies when &apos;%1&apos; starts.</source>
        <translation>已保存。将在“%1”启动时生效。</translation>
    </message>
    <message>
        <source>chosen at start</source>
        <translation>启动时选定</translation>
    </message>
    <message>
        <source>automatic (DHCP)</source>
        <translation>自动（DHCP）</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkView</name>
    <message>
        <source>%1, NAT</source>
        <translation>%1，NAT</translation>
    </message>
    <message>
        <source>%1, no NAT</source>
        <translation>%1，无 NAT</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <source>reserved %1</source>
        <translation>已保留 %1</translation>
    </message>
    <message>
        <source>no address yet</source>
        <translation>暂无地址</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Network map</source>
        <translation>网络图</translation>
    </message>
    <message>
        <source>No bridges</source>
        <translation>没有网桥</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>up</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>down</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>Bridge %1, %2, no containers</source>
        <translation>网桥 %1，%2，没有容器</translation>
    </message>
    <message>
        <source>Bridge %1, %2: %3</source>
        <translation>网桥 %1，%2：%3</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>链路已启用</translation>
    </message>
    <message>
        <source>link down</source>
        <translation>链路未启用</translation>
    </message>
    <message>
        <source>Bridge &apos;%1&apos;, address %2, %3</source>
        <translation>网桥“%1”，地址 %2，%3</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworksWindow</name>
    <message>
        <source>Networks — Berth</source>
        <translation>网络 — Berth</translation>
    </message>
    <message>
        <source>Bridges:</source>
        <translation>网桥：</translation>
    </message>
    <message>
        <source>&amp;New bridge…</source>
        <translation>新建网桥(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>list the bridges</source>
        <translation>列出网桥</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Delete the bridge &apos;%1&apos;? Containers attached to it lose their network.</source>
        <translation>要删除网桥“%1”吗？连接到它的容器将失去网络连接。</translation>
    </message>
    <message>
        <source>delete the bridge &apos;%1&apos;</source>
        <translation>删除网桥“%1”</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No bridges yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;还没有网桥&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>A bridge is a private network for your containers on this computer. Berth gives each container on it an address, a name the others can find it by, and — with NAT — a way out to the internet through this computer. Containers without a bridge have no network but their own loopback.</source>
        <translation>网桥是本机上供您的容器使用的私有网络。Berth 为接入其中的每个容器分配一个地址和一个可供其他容器查找的名称，并在启用 NAT 时让它们经由本机访问互联网。没有网桥的容器只有自己的回环网络。</translation>
    </message>
    <message>
        <source>New &amp;bridge…</source>
        <translation>新建网桥(&amp;B)…</translation>
    </message>
    <message>
        <source>Delete Bridge</source>
        <translation>删除网桥</translation>
    </message>
</context>
<context>
    <name>berth::gui::NewContainerWizard</name>
    <message>
        <source>New Container</source>
        <translation>新建容器</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Creating &apos;%1&apos;</source>
        <translation>正在创建“%1”</translation>
    </message>
    <message>
        <source>create &apos;%1&apos;</source>
        <translation>创建“%1”</translation>
    </message>
    <message>
        <source>Close the Wizard</source>
        <translation>关闭向导</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is still being created. Keep creating it in the background, or cancel the creation?</source>
        <translation>“%1”仍在创建中。要在后台继续创建，还是取消创建？</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>在后台继续运行</translation>
    </message>
    <message>
        <source>Cancel Creation</source>
        <translation>取消创建</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
</context>
<context>
    <name>berth::gui::OptionField</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(set, hidden)</source>
        <translation>（已设置，已隐藏）</translation>
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
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>berth::gui::OptionsPage</name>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>This template has no options.</source>
        <translation>此模板没有选项。</translation>
    </message>
    <message>
        <source>Options of the template &apos;%1&apos;.</source>
        <translation>模板“%1”的选项。</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1（必填）：</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>list the containers</source>
        <translation>列出容器</translation>
    </message>
</context>
<context>
    <name>berth::gui::OverviewTab</name>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
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
        <source>No container selected</source>
        <translation>未选择容器</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Is it running?</source>
        <translation>是否在运行？</translation>
    </message>
    <message>
        <source>Init process:</source>
        <translation>Init 进程：</translation>
    </message>
    <message>
        <source>How do I get in?</source>
        <translation>如何进入？</translation>
    </message>
    <message>
        <source>Cop&amp;y command</source>
        <translation>复制命令(&amp;Y)</translation>
    </message>
    <message>
        <source>From a terminal:</source>
        <translation>从终端：</translation>
    </message>
    <message>
        <source>What is it using?</source>
        <translation>正在使用多少资源？</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>当前：</translation>
    </message>
    <message>
        <source>How is it reached?</source>
        <translation>如何访问？</translation>
    </message>
    <message>
        <source>Port forwards:</source>
        <translation>端口转发：</translation>
    </message>
    <message>
        <source>What is it allowed?</source>
        <translation>允许使用什么？</translation>
    </message>
    <message>
        <source>Root inside:</source>
        <translation>容器内的 root：</translation>
    </message>
    <message>
        <source>Not applied:</source>
        <translation>未应用：</translation>
    </message>
    <message>
        <source>What is it?</source>
        <translation>这是什么？</translation>
    </message>
    <message>
        <source>Nothing: it is not running</source>
        <translation>无：它没有运行</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not measured yet: the first figures come within seconds</source>
        <translation>尚未测量：几秒钟内就会有第一批数据</translation>
    </message>
</context>
<context>
    <name>berth::gui::ProgressPage</name>
    <message>
        <source>Creating the container</source>
        <translation>正在创建容器</translation>
    </message>
    <message>
        <source>Cancel Creation</source>
        <translation>取消创建</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>立即启动</translation>
    </message>
    <message>
        <source>Open a terminal</source>
        <translation>打开终端</translation>
    </message>
    <message>
        <source>Asking the helper to create &apos;%1&apos;…</source>
        <translation>正在请求辅助服务创建“%1”…</translation>
    </message>
    <message>
        <source>create &apos;%1&apos;</source>
        <translation>创建“%1”</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The container was not created.</source>
        <translation>容器未创建。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was created.</source>
        <translation>已创建“%1”。</translation>
    </message>
    <message>
        <source>The Berth helper has not ended the creation yet.</source>
        <translation>Berth 辅助服务尚未结束创建。</translation>
    </message>
    <message>
        <source>You can close this window. If the container appears later, destroy it; if the helper does not answer, restart it.</source>
        <translation>您可以关闭此窗口。如果容器稍后出现，请将其销毁；如果辅助服务没有响应，请重新启动它。</translation>
    </message>
</context>
<context>
    <name>berth::gui::PullPanel</name>
    <message>
        <source>debian:bookworm, registry.example.org/team/app:1.0</source>
        <translation>debian:bookworm、registry.example.org/team/app:1.0</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>拉取(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel Pull</source>
        <translation>取消拉取</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Type an image name, such as debian:bookworm.</source>
        <translation>请输入镜像名称，例如 debian:bookworm。</translation>
    </message>
    <message>
        <source>Pulling &apos;%1&apos;…</source>
        <translation>正在拉取 &apos;%1&apos;…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was pulled and is in the store.</source>
        <translation>&apos;%1&apos; 已拉取并存入存储。</translation>
    </message>
    <message>
        <source>The pull of &apos;%1&apos; was cancelled; nothing of it was kept.</source>
        <translation>&apos;%1&apos; 的拉取已取消，未保留任何内容。</translation>
    </message>
    <message>
        <source>pull &apos;%1&apos;</source>
        <translation>拉取 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>berth::gui::ResourcesTab</name>
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
        <source>change the limits of &apos;%1&apos;</source>
        <translation>更改“%1”的限制</translation>
    </message>
    <message>
        <source>Memory soft limit:</source>
        <translation>内存软限制：</translation>
    </message>
    <message>
        <source>Swap:</source>
        <translation>交换空间：</translation>
    </message>
    <message>
        <source>CPU weight:</source>
        <translation>CPU 权重：</translation>
    </message>
    <message>
        <source>Disk weight:</source>
        <translation>磁盘权重：</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>允许使用的 CPU：</translation>
    </message>
    <message>
        <source>Set in cgroup v1 units: %1.</source>
        <translation>以 cgroup v1 单位设置：%1。</translation>
    </message>
    <message>
        <source>Lower Memory Limit</source>
        <translation>降低内存限制</translation>
    </message>
</context>
<context>
    <name>berth::gui::SearchBar</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配项（F3）</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>berth::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Sampling interval:</source>
        <translation>采样间隔：</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Chart window:</source>
        <translation>图表时间范围：</translation>
    </message>
    <message>
        <source>Default bridge:</source>
        <translation>默认网桥：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The terminal emulator to run consoles in, for example &quot;konsole -e&quot;. Leave it empty to use the desktop&apos;s terminal.</source>
        <translation>用于运行控制台的终端模拟器，例如“konsole -e”。留空则使用桌面环境的终端。</translation>
    </message>
    <message>
        <source>Terminal command:</source>
        <translation>终端命令：</translation>
    </message>
</context>
<context>
    <name>berth::gui::SharedFoldersBox</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Changes apply at the container&apos;s next start.</source>
        <translation>更改将在容器下次启动时生效。</translation>
    </message>
    <message>
        <source>%1 at %2 (as uid %3)</source>
        <translation>%1 位于 %2（作为 UID %3）</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>要共享的文件夹</translation>
    </message>
    <message>
        <source>Share a folder</source>
        <translation>共享文件夹</translation>
    </message>
    <message>
        <source>Path inside the container:</source>
        <translation>容器内路径：</translation>
    </message>
    <message>
        <source>Your files belong inside to (root, a user of the container, or a number):</source>
        <translation>您的文件在容器内属于（root、容器中的用户或数字）：</translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>share &apos;%1&apos; with &apos;%2&apos;</source>
        <translation>与“%2”共享“%1”</translation>
    </message>
    <message>
        <source>stop sharing &apos;%1&apos; with &apos;%2&apos;</source>
        <translation>停止与“%2”共享“%1”</translation>
    </message>
</context>
<context>
    <name>berth::gui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The container below will be created.</source>
        <translation>将创建以下容器。</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>the image&apos;s own</source>
        <translation>镜像自带的命令</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>none (loopback only)</source>
        <translation>无（仅回环接口）</translation>
    </message>
    <message>
        <source>Port forwards:</source>
        <translation>端口转发：</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>资源限制：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>内存 %1</translation>
    </message>
    <message>
        <source>%1 CPU cores</source>
        <translation>CPU %1 核</translation>
    </message>
    <message>
        <source>%1 processes</source>
        <translation>%1 个进程</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>automatic (DHCP/IPAM)</source>
        <translation>自动（DHCP/IPAM）</translation>
    </message>
    <message>
        <source>Root inside:</source>
        <translation>容器内的 root：</translation>
    </message>
    <message>
        <source>root on this computer (privileged; needs an administrator)</source>
        <translation>本机的 root（特权；需要管理员）</translation>
    </message>
    <message>
        <source>an unprivileged user on this computer</source>
        <translation>本机上的一个非特权用户</translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation>入口点：</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>环境变量：</translation>
    </message>
    <message>
        <source>Working directory:</source>
        <translation>工作目录：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
</context>
<context>
    <name>berth::gui::SystemCheckDialog</name>
    <message>
        <source>System Check</source>
        <translation>系统检查</translation>
    </message>
</context>
<context>
    <name>berth::gui::SystemCheckPage</name>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>受限</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Checking the system…</source>
        <translation>正在检查系统…</translation>
    </message>
    <message>
        <source>check the system</source>
        <translation>检查系统</translation>
    </message>
    <message>
        <source>Something Berth needs to run containers is missing on this system.</source>
        <translation>本系统缺少 Berth 运行容器所需的某些组件。</translation>
    </message>
    <message>
        <source>This system can run containers.</source>
        <translation>本系统可以运行容器。</translation>
    </message>
    <message>
        <source>%1: %2

%3

Found: %4</source>
        <translation>%1：%2

%3

检测结果：%4</translation>
    </message>
</context>
<context>
    <name>berth::gui::TaskButton</name>
    <message>
        <source>1 task running</source>
        <translation>1 个任务正在运行</translation>
    </message>
    <message>
        <source>%1 tasks running</source>
        <translation>%1 个任务正在运行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cancel This Task</source>
        <translation>取消此任务</translation>
    </message>
</context>
<context>
    <name>berth::gui::TaskList</name>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：已完成。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>berth::gui::TemplatePage</name>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Choose what the new container is made from.</source>
        <translation>选择新容器的创建来源。</translation>
    </message>
    <message>
        <source>list the templates</source>
        <translation>列出模板</translation>
    </message>
</context>
<context>
    <name>berth::gui::TerminalWidget</name>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>What the container prints; keys typed here go to it. Ctrl+Tab leaves the terminal.</source>
        <translation>容器输出的内容；在此输入的按键会发送给它。Ctrl+Tab 离开终端。</translation>
    </message>
</context>
<context>
    <name>berth::gui::UsageChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>berth::gui::UsageCharts</name>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Soft limit</source>
        <translation>软限制</translation>
    </message>
    <message>
        <source>Out-of-memory kill</source>
        <translation>内存不足（OOM）终止</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation>
            <numerusform>最近 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>CPU (100 % = one core)</source>
        <translation>CPU（100 % = 一个核心）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>berth::gui::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;No containers yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;还没有容器&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Berth runs Linux containers on this computer: whole systems such as Debian or Ubuntu that boot their own init, or a single application. Each container can have its own network address, and you decide how much memory and CPU it may use — and change that while it runs.&lt;br&gt;&lt;br&gt;Start with a container from a template: Berth downloads or builds its files, and you can open a terminal in it as soon as it runs.</source>
        <translation>Berth 在本机上运行 Linux 容器：可以是启动自己 init 的完整系统（如 Debian 或 Ubuntu），也可以是单个应用。每个容器都可以有自己的网络地址，您可以决定它能使用多少内存和 CPU，并可在运行时修改。&lt;br&gt;&lt;br&gt;从模板创建一个容器开始吧：Berth 会下载或构建它的文件，容器一运行，您就可以在其中打开终端。</translation>
    </message>
    <message>
        <source>Create your first container…</source>
        <translation>创建您的第一个容器…</translation>
    </message>
    <message>
        <source>Bridges (private networks for your containers) are in Network → Networks…; the manual is in Help.</source>
        <translation>网桥（容器的私有网络）位于“网络 → 网络…”；手册位于“帮助”中。</translation>
    </message>
</context>
<context>
    <name>berth::model</name>
    <message>
        <source>PID namespace</source>
        <translation>PID 命名空间</translation>
    </message>
    <message>
        <source>Containers get their own process tree: PIDs inside start at 1.</source>
        <translation>容器拥有自己的进程树：其中的 PID 从 1 开始。</translation>
    </message>
    <message>
        <source>Mount namespace</source>
        <translation>挂载命名空间</translation>
    </message>
    <message>
        <source>Containers see their own file system tree and cannot change the host&apos;s mounts.</source>
        <translation>容器看到自己的文件系统树，并且无法更改主机的挂载。</translation>
    </message>
    <message>
        <source>UTS namespace</source>
        <translation>UTS 命名空间</translation>
    </message>
    <message>
        <source>Containers can have a host name of their own.</source>
        <translation>容器可以拥有自己的主机名。</translation>
    </message>
    <message>
        <source>IPC namespace</source>
        <translation>IPC 命名空间</translation>
    </message>
    <message>
        <source>Containers get their own shared memory and message queues, apart from the host&apos;s.</source>
        <translation>容器拥有自己的共享内存和消息队列，与主机的相互隔离。</translation>
    </message>
    <message>
        <source>Network namespace</source>
        <translation>网络命名空间</translation>
    </message>
    <message>
        <source>Containers get their own network interfaces, addresses and routes.</source>
        <translation>容器拥有自己的网络接口、地址和路由。</translation>
    </message>
    <message>
        <source>Cgroup namespace</source>
        <translation>Cgroup 命名空间</translation>
    </message>
    <message>
        <source>Containers see their own control group as the root, which systemd inside a container needs.</source>
        <translation>容器将自己的控制组视为根，容器内的 systemd 需要这一点。</translation>
    </message>
    <message>
        <source>User namespace</source>
        <translation>用户命名空间</translation>
    </message>
    <message>
        <source>Root inside a container can be an ordinary user on the host; unprivileged containers need this.</source>
        <translation>容器内的 root 在主机上可以是普通用户；非特权容器需要这一点。</translation>
    </message>
    <message>
        <source>Berth&apos;s ID range</source>
        <translation>Berth 的 ID 范围</translation>
    </message>
    <message>
        <source>Each unprivileged container gets 65536 user and group IDs of its own from this range (/etc/subuid, /etc/subgid).</source>
        <translation>每个非特权容器从此范围中获得 65536 个专属的用户和组 ID（/etc/subuid、/etc/subgid）。</translation>
    </message>
    <message>
        <source>Root file system owners</source>
        <translation>根文件系统的所有者</translation>
    </message>
    <message>
        <source>With idmapped mounts, containers share template files unchanged; without them, each new rootfs is chowned into its container&apos;s IDs once.</source>
        <translation>有 ID 映射挂载时，容器原样共享模板文件；没有时，每个新的根文件系统会被一次性 chown 为其容器的 ID。</translation>
    </message>
    <message>
        <source>Mapped user namespaces</source>
        <translation>映射的用户命名空间</translation>
    </message>
    <message>
        <source>Berth runs each unprivileged container in a user namespace that maps its root to an ordinary host ID.</source>
        <translation>Berth 在用户命名空间中运行每个非特权容器，该命名空间把容器的 root 映射为主机上的普通 ID。</translation>
    </message>
    <message>
        <source>Control group version</source>
        <translation>控制组版本</translation>
    </message>
    <message>
        <source>Berth limits memory, CPU and processes through control groups; version 1, version 2 and hybrid hosts all work.</source>
        <translation>Berth 通过控制组限制内存、CPU 和进程；使用版本 1、版本 2 或混合模式的主机均可。</translation>
    </message>
    <message>
        <source>CPU controller</source>
        <translation>CPU 控制器</translation>
    </message>
    <message>
        <source>Sets a container&apos;s CPU weight and quota.</source>
        <translation>设置容器的 CPU 权重和配额。</translation>
    </message>
    <message>
        <source>CPU accounting</source>
        <translation>CPU 用量统计</translation>
    </message>
    <message>
        <source>Measures how much CPU time a container uses.</source>
        <translation>统计容器使用了多少 CPU 时间。</translation>
    </message>
    <message>
        <source>CPU set controller</source>
        <translation>CPU 集控制器</translation>
    </message>
    <message>
        <source>Pins a container to chosen CPUs and memory nodes.</source>
        <translation>将容器绑定到所选的 CPU 和内存节点。</translation>
    </message>
    <message>
        <source>Memory controller</source>
        <translation>内存控制器</translation>
    </message>
    <message>
        <source>Limits a container&apos;s memory and reports how much it uses.</source>
        <translation>限制容器的内存并报告其用量。</translation>
    </message>
    <message>
        <source>Process count controller</source>
        <translation>进程数控制器</translation>
    </message>
    <message>
        <source>Caps how many processes a container may run, which stops fork bombs.</source>
        <translation>限制容器可以运行的进程数，从而阻止 fork 炸弹。</translation>
    </message>
    <message>
        <source>Block IO controller</source>
        <translation>块 IO 控制器</translation>
    </message>
    <message>
        <source>Sets a container&apos;s disk weight and bandwidth limits.</source>
        <translation>设置容器的磁盘权重和带宽限制。</translation>
    </message>
    <message>
        <source>Freezer</source>
        <translation>冻结器</translation>
    </message>
    <message>
        <source>Lets a container be paused and resumed.</source>
        <translation>允许冻结和解冻容器。</translation>
    </message>
    <message>
        <source>Device controller</source>
        <translation>设备控制器</translation>
    </message>
    <message>
        <source>Keeps a container from opening host devices it was not given.</source>
        <translation>阻止容器打开未分配给它的主机设备。</translation>
    </message>
    <message>
        <source>Swap accounting</source>
        <translation>交换空间统计</translation>
    </message>
    <message>
        <source>Lets a container&apos;s swap use be limited, not only its memory.</source>
        <translation>使容器的交换空间用量也能受到限制，而不仅仅是内存。</translation>
    </message>
    <message>
        <source>Device control method</source>
        <translation>设备控制方式</translation>
    </message>
    <message>
        <source>How the kernel is told which devices each container may open: the cgroup v1 devices controller or a cgroup v2 BPF program.</source>
        <translation>内核如何得知每个容器可以打开哪些设备：cgroup v1 的 devices 控制器，或 cgroup v2 的 BPF 程序。</translation>
    </message>
    <message>
        <source>Cgroup delegation</source>
        <translation>Cgroup 委派</translation>
    </message>
    <message>
        <source>Where each container&apos;s control group comes from (Berth&apos;s own parent or a systemd scope) and which of its files an unprivileged container&apos;s root may write.</source>
        <translation>每个容器的控制组从何而来（Berth 自己的父控制组或 systemd 作用域），以及非特权容器的 root 可以写入其中哪些文件。</translation>
    </message>
    <message>
        <source>Virtual Ethernet pairs (veth)</source>
        <translation>虚拟以太网对（veth）</translation>
    </message>
    <message>
        <source>Connects a container&apos;s network to the host or to a bridge.</source>
        <translation>将容器的网络连接到主机或网桥。</translation>
    </message>
    <message>
        <source>Network bridges</source>
        <translation>网桥</translation>
    </message>
    <message>
        <source>Joins containers and the host into one local network.</source>
        <translation>将容器和主机连接成一个局域网。</translation>
    </message>
    <message>
        <source>MACVLAN</source>
        <translation>MACVLAN</translation>
    </message>
    <message>
        <source>Gives a container an address of its own directly on a host network card.</source>
        <translation>让容器直接在主机的网卡上拥有自己的地址。</translation>
    </message>
    <message>
        <source>VLAN (802.1Q)</source>
        <translation>VLAN（802.1Q）</translation>
    </message>
    <message>
        <source>Puts a container on a tagged virtual LAN.</source>
        <translation>将容器接入带标签的虚拟局域网。</translation>
    </message>
    <message>
        <source>OverlayFS</source>
        <translation>OverlayFS</translation>
    </message>
    <message>
        <source>Makes quick clones that share the original&apos;s files and store only the changes.</source>
        <translation>用于快速克隆：共享原件的文件，只保存更改。</translation>
    </message>
    <message>
        <source>tmpfs</source>
        <translation>tmpfs</translation>
    </message>
    <message>
        <source>Memory-backed file systems for a container&apos;s /dev, /run and /dev/shm.</source>
        <translation>用于容器 /dev、/run 和 /dev/shm 的内存文件系统。</translation>
    </message>
    <message>
        <source>devpts</source>
        <translation>devpts</translation>
    </message>
    <message>
        <source>Gives each container terminals of its own.</source>
        <translation>为每个容器提供自己的终端。</translation>
    </message>
    <message>
        <source>Seccomp</source>
        <translation>Seccomp</translation>
    </message>
    <message>
        <source>Blocks dangerous system calls inside containers.</source>
        <translation>阻止容器内危险的系统调用。</translation>
    </message>
    <message>
        <source>No new privileges</source>
        <translation>禁止获取新权限</translation>
    </message>
    <message>
        <source>Keeps programs in a container from gaining privileges through setuid files.</source>
        <translation>阻止容器内的程序通过 setuid 文件获取权限。</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>能力（capabilities）</translation>
    </message>
    <message>
        <source>Lets a container keep only the parts of root&apos;s power it needs.</source>
        <translation>使容器只保留其所需的那部分 root 权力。</translation>
    </message>
    <message>
        <source>nftables</source>
        <translation>nftables</translation>
    </message>
    <message>
        <source>Provides address translation and port forwarding for container networks.</source>
        <translation>为容器网络提供地址转换和端口转发。</translation>
    </message>
    <message>
        <source>dnsmasq</source>
        <translation>dnsmasq</translation>
    </message>
    <message>
        <source>Hands out addresses (DHCP) and names (DNS) on container bridges.</source>
        <translation>在容器网桥上分配地址（DHCP）和名称（DNS）。</translation>
    </message>
    <message>
        <source>debootstrap</source>
        <translation>debootstrap</translation>
    </message>
    <message>
        <source>Builds Debian and Ubuntu containers.</source>
        <translation>构建 Debian 和 Ubuntu 容器。</translation>
    </message>
    <message>
        <source>BusyBox (static)</source>
        <translation>BusyBox（静态）</translation>
    </message>
    <message>
        <source>Builds small BusyBox containers from the host&apos;s statically linked busybox.</source>
        <translation>用主机上静态链接的 busybox 构建小型 BusyBox 容器。</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>User namespaces</source>
        <translation>用户命名空间</translation>
    </message>
    <message>
        <source>Control groups</source>
        <translation>控制组</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>File systems</source>
        <translation>文件系统</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>BusyBox</source>
        <translation>BusyBox</translation>
    </message>
    <message>
        <source>A tiny system from the host&apos;s busybox-static, created instantly</source>
        <translation>由主机的 busybox-static 构成的微型系统，即时创建</translation>
    </message>
    <message>
        <source>Debian</source>
        <translation>Debian</translation>
    </message>
    <message>
        <source>Debian installed with debootstrap and cached for the next container</source>
        <translation>用 debootstrap 安装的 Debian，并缓存供下一个容器使用</translation>
    </message>
    <message>
        <source>Ubuntu</source>
        <translation>Ubuntu</translation>
    </message>
    <message>
        <source>Ubuntu installed with debootstrap and cached for the next container</source>
        <translation>用 debootstrap 安装的 Ubuntu，并缓存供下一个容器使用</translation>
    </message>
    <message>
        <source>Root filesystem archive</source>
        <translation>根文件系统归档</translation>
    </message>
    <message>
        <source>A root filesystem from a tar archive (tar, tar.gz, tar.xz, tar.zst)</source>
        <translation>来自 tar 归档（tar、tar.gz、tar.xz、tar.zst）的根文件系统</translation>
    </message>
    <message>
        <source>OCI image</source>
        <translation>OCI 镜像</translation>
    </message>
    <message>
        <source>An application container from an OCI image layout or a &apos;docker save&apos; archive</source>
        <translation>来自 OCI 镜像布局或“docker save”归档的应用容器</translation>
    </message>
    <message>
        <source>From an image</source>
        <translation>从镜像创建</translation>
    </message>
    <message>
        <source>An application container from an image of a registry (debian:bookworm, registry.example.com/team/app:1.0), pulled when it is not here yet; its layers are shared with every container of the image</source>
        <translation>来自镜像仓库中某个镜像的应用容器（debian:bookworm、registry.example.com/team/app:1.0），本地还没有时先拉取；其各层由该镜像的所有容器共享</translation>
    </message>
    <message>
        <source>The image&apos;s name ([REGISTRY/]REPOSITORY[:TAG|@DIGEST]); a short name such as &apos;debian&apos; is looked up as Docker does</source>
        <translation>镜像名称（[REGISTRY/]REPOSITORY[:TAG|@DIGEST]）；“debian”这样的短名称按 Docker 的方式查找</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>A copy or a snapshot of an existing stopped container</source>
        <translation>现有已停止容器的副本或快照</translation>
    </message>
    <message>
        <source>Import from LXC</source>
        <translation>从 LXC 导入</translation>
    </message>
    <message>
        <source>An existing LXC container&apos;s directory (config and rootfs), converted; the original is left untouched</source>
        <translation>转换现有 LXC 容器的目录（配置和根文件系统）；原容器保持不变</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>发行版本</translation>
    </message>
    <message>
        <source>The release to install</source>
        <translation>要安装的发行版本</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>minbase: essential packages and apt only; default: also the &apos;important&apos; priority</source>
        <translation>minbase：仅必需软件包和 apt；default：还包括“important”优先级的软件包</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像源</translation>
    </message>
    <message>
        <source>The http or https URL of the archive to install from</source>
        <translation>安装来源归档的 http 或 https URL</translation>
    </message>
    <message>
        <source>Extra packages</source>
        <translation>额外软件包</translation>
    </message>
    <message>
        <source>Packages to install as well, separated by commas or spaces</source>
        <translation>要额外安装的软件包，以逗号或空格分隔</translation>
    </message>
    <message>
        <source>Root password</source>
        <translation>root 密码</translation>
    </message>
    <message>
        <source>The root account&apos;s password; empty leaves root without one (console login disabled)</source>
        <translation>root 账户的密码；留空则 root 没有密码（禁用控制台登录）</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Make the root filesystem an overlayfs snapshot of the cached installation (instant, shares unchanged files) instead of a full copy</source>
        <translation>将根文件系统创建为缓存安装的 overlayfs 快照（即时完成，共享未更改的文件），而不是完整副本</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>The archive holding the root filesystem</source>
        <translation>包含根文件系统的归档</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>An OCI image layout directory or a &apos;docker save&apos; archive</source>
        <translation>OCI 镜像布局目录或“docker save”归档</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Which image of the archive to use (its tag), when it holds several</source>
        <translation>归档包含多个镜像时要使用的镜像（其标签）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源容器</translation>
    </message>
    <message>
        <source>The stopped container to clone</source>
        <translation>要克隆的已停止容器</translation>
    </message>
    <message>
        <source>Make the root filesystem an overlayfs snapshot of the source (instant, shares unchanged files) instead of a full copy</source>
        <translation>将根文件系统创建为源容器的 overlayfs 快照（即时完成，共享未更改的文件），而不是完整副本</translation>
    </message>
    <message>
        <source>LXC container directory</source>
        <translation>LXC 容器目录</translation>
    </message>
    <message>
        <source>The container&apos;s directory, such as /var/lib/lxc/NAME</source>
        <translation>容器的目录，例如 /var/lib/lxc/NAME</translation>
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
        <source>Pass stdin to the console.</source>
        <translation>将标准输入传给控制台。</translation>
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
    <message>
        <source>ORDER</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>DELAY</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>WAITS FOR</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>berthctl autostart: %1
</source>
        <translation>berthctl autostart：%1
</translation>
    </message>
    <message>
        <source>cannot watch network links: %1</source>
        <translation>无法监视网络接口：%1</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n second(s) before the next start.
</source>
        <translation>
            <numerusform>等待 %n 秒后进行下一次启动。
</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1 before starting &apos;%2&apos;.
</source>
        <translation>等待 %1，然后启动“%2”。
</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not started: %2</source>
        <translation>“%1”未启动：%2</translation>
    </message>
    <message>
        <source>Skipping &apos;%1&apos;: it is %2.
</source>
        <translation>跳过“%1”：其状态为 %2。
</translation>
    </message>
    <message>
        <source>Starting &apos;%1&apos;.
</source>
        <translation>正在启动“%1”。
</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not started: after %2 seconds, still waiting for %3.</source>
        <translation>“%1”未启动：%2 秒后仍在等待 %3。</translation>
    </message>
    <message>
        <source>Stopping &apos;%1&apos;.
</source>
        <translation>正在停止“%1”。
</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not stopped: %2</source>
        <translation>“%1”未停止：%2</translation>
    </message>
    <message>
        <source>Print the plan (order, delay, name, state, links waited for); start nothing.</source>
        <translation>打印计划（顺序、延迟、名称、状态、等待的接口）；不启动任何容器。</translation>
    </message>
    <message>
        <source>Stop the autostart containers instead, in reverse order (for shutdown).</source>
        <translation>改为按相反顺序停止自动启动的容器（用于关机）。</translation>
    </message>
    <message>
        <source>Give up waiting for links after this many seconds (default: wait without limit); with --stop, seconds before SIGKILL (default 10).</source>
        <translation>等待接口这么多秒后放弃（默认：无限等待）；与 --stop 一起使用时，为发送 SIGKILL 前的秒数（默认 10）。</translation>
    </message>
    <message>
        <source>Start or stop the containers marked for autostart</source>
        <translation>启动或停止标记为自动启动的容器</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Share a host folder with a container at TARGET, from its next start on. Your files in it belong to USER inside (root unless given), everyone else&apos;s to nobody. Sharing a folder you own needs no password; anyone else&apos;s needs an administrator.</source>
        <translation>从容器下次启动起，将主机文件夹共享到容器中的 TARGET。其中您的文件在容器内属于 USER（未指定时为 root），其他人的文件属于 nobody。共享您自己的文件夹无需密码；共享他人的文件夹需要管理员。</translation>
    </message>
    <message>
        <source>Whom your files belong to inside: root, a user of the container, or a number.</source>
        <translation>您的文件在容器内属于谁：root、容器中的用户或数字。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is shared at &apos;%2&apos; in &apos;%3&apos; from its next start on.
</source>
        <translation>从下次启动起，“%1”共享在“%3”中的“%2”。
</translation>
    </message>
    <message>
        <source>Stop sharing the folder at TARGET with a container, from its next start on.</source>
        <translation>从容器下次启动起，停止共享位于 TARGET 的文件夹。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in &apos;%2&apos; is no longer shared from its next start on.
</source>
        <translation>从下次启动起，“%2”中的“%1”不再共享。
</translation>
    </message>
    <message>
        <source>Share a host folder with a container</source>
        <translation>与容器共享主机文件夹</translation>
    </message>
    <message>
        <source>Stop sharing a folder with a container</source>
        <translation>停止与容器共享文件夹</translation>
    </message>
    <message>
        <source>Shared folder:</source>
        <translation>共享文件夹：</translation>
    </message>
    <message>
        <source>%1 at %2 (as uid %3, gid %4)</source>
        <translation>%1 位于 %2（作为 UID %3，GID %4）</translation>
    </message>
    <message>
        <source>Give a stopped privileged container a user namespace of its own: root inside becomes an unprivileged user on the host.</source>
        <translation>为已停止的特权容器提供独立的用户命名空间：容器内的 root 成为主机上的非特权用户。</translation>
    </message>
    <message>
        <source>Convert to an unprivileged container (the only way).</source>
        <translation>转换为非特权容器（唯一的方向）。</translation>
    </message>
    <message>
        <source>convert: --unprivileged is required</source>
        <translation>convert：必须指定 --unprivileged</translation>
    </message>
    <message>
        <source>A privileged container: no user namespace, root inside is root on the host (needs an administrator).</source>
        <translation>特权容器：没有用户命名空间，容器内的 root 就是主机的 root（需要管理员）。</translation>
    </message>
    <message>
        <source>Give a privileged container a user namespace</source>
        <translation>为特权容器提供用户命名空间</translation>
    </message>
    <message>
        <source>Privileged:</source>
        <translation>特权：</translation>
    </message>
    <message>
        <source>yes: root inside is root on the host</source>
        <translation>是：容器内的 root 就是主机的 root</translation>
    </message>
    <message>
        <source>User namespace:</source>
        <translation>用户命名空间：</translation>
    </message>
    <message>
        <source>rootfs shifted into them once at creation</source>
        <translation>根文件系统在创建时一次性移入这些 ID</translation>
    </message>
    <message>
        <source>rootfs through an idmapped mount</source>
        <translation>根文件系统经由 ID 映射挂载</translation>
    </message>
    <message>
        <source>host IDs %1 (%2)</source>
        <translation>主机 ID %1（%2）</translation>
    </message>
    <message>
        <source>PRIV</source>
        <translation>特权</translation>
    </message>
    <message>
        <source>Attach eth0 to this bridge (berthbr0, Berth&apos;s default bridge, is made on first use). Without it the container has no network, only loopback.</source>
        <translation>将 eth0 连接到此网桥（berthbr0 是 Berth 的默认网桥，首次使用时创建）。不指定时容器没有网络，只有回环接口。</translation>
    </message>
    <message>
        <source>change: masquerade again.</source>
        <translation>change：重新启用地址伪装。</translation>
    </message>
    <message>
        <source>Berth&apos;s bridges, with DHCP, DNS and NAT. change alters only the options given.</source>
        <translation>Berth 的网桥，带 DHCP、DNS 和 NAT。change 只修改给出的选项。</translation>
    </message>
    <message>
        <source>CPU shares as cgroup v1 counts them, 2-262144 (instead of --cpu-weight).</source>
        <translation>以 cgroup v1 单位表示的 CPU 份额，2-262144（代替 --cpu-weight）。</translation>
    </message>
    <message>
        <source>IO weight as cgroup v1 counts it, 10-1000 (instead of --io-weight).</source>
        <translation>以 cgroup v1 单位表示的 IO 权重，10-1000（代替 --io-weight）。</translation>
    </message>
    <message>
        <source>OOM KILLS</source>
        <translation>OOM 终止</translation>
    </message>
    <message>
        <source>Write a stopped container&apos;s config and root filesystem as a gzip&apos;d tarball to FILE or stdout; &apos;berthctl create NAME -t tarball --file FILE&apos; imports it again.</source>
        <translation>将已停止容器的配置和根文件系统以 gzip 压缩的 tar 包写入 FILE 或标准输出；用 &apos;berthctl create NAME -t tarball --file FILE&apos; 可再次导入。</translation>
    </message>
    <message>
        <source>Export a container (config and rootfs) as a tarball</source>
        <translation>将容器（配置和根文件系统）导出为 tar 包</translation>
    </message>
    <message>
        <source>Destroy the container when it stops, also after a detach or if berthctl is killed.</source>
        <translation>容器停止时将其删除，即使已断开连接或 berthctl 被终止。</translation>
    </message>
    <message>
        <source>Raw terminal, Ctrl-a q detaches and leaves the container running.</source>
        <translation>原始终端模式，Ctrl-a q 断开连接并让容器继续运行。</translation>
    </message>
    <message>
        <source>An environment variable for the command (lxc.environment).</source>
        <translation>命令的环境变量（lxc.environment）。</translation>
    </message>
    <message>
        <source>A config key for this container (as lxc-execute -s).</source>
        <translation>此容器的一个配置键（同 lxc-execute -s）。</translation>
    </message>
    <message>
        <source>starting %1</source>
        <translation>正在启动 %1</translation>
    </message>
    <message>
        <source>starting %1 with the command: %2</source>
        <translation>正在使用命令启动 %1：%2</translation>
    </message>
    <message>
        <source>the helper answered %1</source>
        <translation>助手返回 %1</translation>
    </message>
    <message>
        <source>%1 failed to start: %2</source>
        <translation>%1 启动失败：%2</translation>
    </message>
    <message>
        <source>%1 is running, init PID %2</source>
        <translation>%1 正在运行，init PID 为 %2</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 已启动</translation>
    </message>
    <message>
        <source>Start a stopped container. With COMMAND, that runs as its init for this run (as lxc-start NAME -- COMMAND). What the container prints is its console log (berthctl logs NAME).</source>
        <translation>启动已停止的容器。指定 COMMAND 时，本次运行以它作为 init（如 lxc-start NAME -- COMMAND）。容器输出的内容在其控制台日志中（berthctl logs NAME）。</translation>
    </message>
    <message>
        <source>Append a log of this start to FILE (as lxc-start -o): a line per event with its time and level.</source>
        <translation>将本次启动的日志追加到 FILE（如 lxc-start -o）：每个事件一行，带时间和级别。</translation>
    </message>
    <message>
        <source>The least level logged, one of %1 (default ERROR). Without -o, the log goes to stderr.</source>
        <translation>记录的最低级别，取值为 %1 之一（默认 ERROR）。不带 -o 时日志输出到 stderr。</translation>
    </message>
    <message>
        <source>invalid log level &apos;%1&apos; (one of %2)</source>
        <translation>无效的日志级别“%1”（应为 %2 之一）</translation>
    </message>
    <message>
        <source>cannot open the log file &apos;%1&apos;: %2</source>
        <translation>无法打开日志文件“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 address with a prefix length (a.b.c.d/n)</source>
        <translation>“%1”不是带前缀长度的 IPv4 地址（a.b.c.d/n）</translation>
    </message>
    <message>
        <source>autostart: expected NAME on|off</source>
        <translation>autostart：应为 NAME on|off</translation>
    </message>
    <message>
        <source>Start the containers with lxc.start.auto = 1: lowest lxc.start.order first,
equal orders by name, lxc.start.delay seconds after each start. A container
whose host bridge or macvlan parent is missing or down is started once that
link is up. With NAME on|off: whether that container starts with the host.</source>
        <translation>启动 lxc.start.auto = 1 的容器：lxc.start.order 最小的先启动，
顺序相同时按名称，每次启动后等待 lxc.start.delay 秒。若容器的主机网桥或
macvlan 父接口缺失或未启用，则在该接口启用后再启动。
使用 NAME on|off：该容器是否随主机启动。</translation>
    </message>
    <message>
        <source>A static IPv4 address for eth0 on its network (10.0.3.20 or 10.0.3.20/24).</source>
        <translation>eth0 在其网络上的静态 IPv4 地址（10.0.3.20 或 10.0.3.20/24）。</translation>
    </message>
    <message>
        <source>Start the container with the host.</source>
        <translation>随主机启动该容器。</translation>
    </message>
    <message>
        <source>Forward a host port to the container, PROTO:HOSTPORT:PORT (tcp:8080:80); may be repeated.</source>
        <translation>将主机端口转发到容器，PROTO:HOSTPORT:PORT（tcp:8080:80）；可重复。</translation>
    </message>
    <message>
        <source>veth (the default for add), macvlan, empty or none.</source>
        <translation>veth（add 的默认值）、macvlan、empty 或 none。</translation>
    </message>
    <message>
        <source>The bridge a veth joins (default: Berth&apos;s), a macvlan&apos;s parent link.</source>
        <translation>veth 加入的网桥（默认：Berth 的网桥），macvlan 的父链路。</translation>
    </message>
    <message>
        <source>A static IPv4 address, e.g. 10.0.3.20/24; set: &apos;&apos; removes it.</source>
        <translation>静态 IPv4 地址，例如 10.0.3.20/24；set：&apos;&apos; 将其删除。</translation>
    </message>
    <message>
        <source>The MAC address (default: chosen at start).</source>
        <translation>MAC 地址（默认：启动时选择）。</translation>
    </message>
    <message>
        <source>The name inside the container (default: ethN).</source>
        <translation>容器内的名称（默认：ethN）。</translation>
    </message>
    <message>
        <source>MTU, 68-65535; set: 0 is the link&apos;s default.</source>
        <translation>MTU，68-65535；set：0 表示链路的默认值。</translation>
    </message>
    <message>
        <source>INDEX</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>HWADDR</source>
        <translation>硬件地址</translation>
    </message>
    <message>
        <source>IPV4</source>
        <translation>IPV4</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>A container&apos;s network interfaces, from its next start on; set changes only the options given, remove renumbers no other interface.</source>
        <translation>容器的网络接口，从下次启动起生效；set 只更改给出的选项，remove 不会重新编号其他接口。</translation>
    </message>
    <message>
        <source>interface %1: NAME and INDEX are needed</source>
        <translation>interface %1：需要 NAME 和 INDEX</translation>
    </message>
    <message>
        <source>interface: unknown action &apos;%1&apos;</source>
        <translation>interface：未知操作“%1”</translation>
    </message>
    <message>
        <source>DHCP range &apos;%1&apos; is not FIRST-LAST</source>
        <translation>DHCP 范围“%1”不是 起始-结束 的形式</translation>
    </message>
    <message>
        <source>List, add, change or remove network interfaces</source>
        <translation>列出、添加、更改或删除网络接口</translation>
    </message>
    <message>
        <source>the helper did not end the job within %1 s of the cancel; it may still be running</source>
        <translation>取消后 %1 秒内辅助服务未结束该作业；它可能仍在运行</translation>
    </message>
    <message>
        <source>Nothing was saved. Your edited copy is kept in &apos;%1&apos;; run &apos;berthctl config %2 edit&apos; again to edit the new version.
</source>
        <translation>未保存任何内容。您编辑的副本保留在“%1”中；请再次运行 &apos;berthctl config %2 edit&apos; 编辑新版本。
</translation>
    </message>
    <message>
        <source>Reserved:</source>
        <translation>已保留：</translation>
    </message>
    <message>
        <source>berthctl: older console output was dropped at the log&apos;s size limit (lxc.console.size)
</source>
        <translation>berthctl：较早的控制台输出已在日志达到大小上限时被丢弃（lxc.console.size）
</translation>
    </message>
    <message>
        <source>Publish a container&apos;s port on the host, as docker&apos;s -p (a forward); may be repeated.</source>
        <translation>在主机上发布容器的端口，与 docker 的 -p 相同（一条端口转发）；可重复。</translation>
    </message>
    <message>
        <source>An image container: run this instead of the image&apos;s entrypoint (and drop its command).</source>
        <translation>镜像容器：运行此程序代替镜像的入口点（并舍弃其命令）。</translation>
    </message>
    <message>
        <source>An image container: the working directory instead of the image&apos;s.</source>
        <translation>镜像容器：使用此工作目录代替镜像的工作目录。</translation>
    </message>
    <message>
        <source>An image container: the user (name or uid) instead of the image&apos;s.</source>
        <translation>镜像容器：使用此用户（名称或 UID）代替镜像的用户。</translation>
    </message>
    <message>
        <source>Create a container from a template, or from an image of a registry (pulled first when the store lacks it).</source>
        <translation>从模板或从镜像仓库的镜像创建容器（存储中没有该镜像时先拉取）。</translation>
    </message>
    <message>
        <source>An image, [REGISTRY/]REPOSITORY[:TAG|@DIGEST]: an application container of it whose COMMAND replaces the image&apos;s command.</source>
        <translation>一个镜像，[REGISTRY/]REPOSITORY[:TAG|@DIGEST]：由它创建应用容器，COMMAND 替换镜像的命令。</translation>
    </message>
    <message>
        <source>create: one of -t TEMPLATE and --image REF is required</source>
        <translation>create：必须给出 -t TEMPLATE 或 --image REF 中的一个</translation>
    </message>
    <message>
        <source>Create an application container, start it and attach to its console (as &apos;docker run&apos;). PATH is an OCI archive or layout, sent to the oci template; anything that is neither a template nor a path is an image of a registry, [REGISTRY/]REPOSITORY[:TAG|@DIGEST], pulled first when the store lacks it, whose command COMMAND replaces. The exit status is the command&apos;s.</source>
        <translation>创建一个应用容器，启动它并连接到它的控制台（同 &apos;docker run&apos;）。PATH 是 OCI 归档或目录布局，交给 oci 模板；既不是模板也不是路径的，都是镜像仓库中的镜像，[REGISTRY/]REPOSITORY[:TAG|@DIGEST]，存储中没有时先拉取，COMMAND 替换它的命令。退出状态为命令的退出状态。</translation>
    </message>
    <message>
        <source>berthctl: warning: %1
</source>
        <translation>berthctl：警告：%1
</translation>
    </message>
    <message>
        <source>Unable to find image &apos;%1&apos; in the store, pulling it
</source>
        <translation>存储中找不到镜像 &apos;%1&apos;，正在拉取
</translation>
    </message>
    <message>
        <source>Pull an image from its registry into Berth&apos;s image store, with each layer&apos;s progress. A short name resolves as docker&apos;s do (debian is docker.io/library/debian:latest), or through unqualified-search-registries in /etc/containers/registries.conf. Logins come from your own $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json or ~/.docker/config.json. Ctrl-C cancels the pull and leaves nothing behind.</source>
        <translation>从镜像仓库将镜像拉取到 Berth 的镜像存储，并显示每一层的进度。短名称按 docker 的方式解析（debian 即 docker.io/library/debian:latest），或通过 /etc/containers/registries.conf 中的 unqualified-search-registries 解析。登录信息来自您自己的 $REGISTRY_AUTH_FILE、$XDG_RUNTIME_DIR/containers/auth.json 或 ~/.docker/config.json。Ctrl-C 取消拉取且不留下任何内容。</translation>
    </message>
    <message>
        <source>Print only the image&apos;s id.</source>
        <translation>只输出镜像的 ID。</translation>
    </message>
    <message>
        <source>Pulled %1 (%2)
</source>
        <translation>已拉取 %1（%2）
</translation>
    </message>
    <message>
        <source>List the images of Berth&apos;s store: name, tag, id, age, size on disk, the part of it shared with other images, and the containers made from each.</source>
        <translation>列出 Berth 存储中的镜像：名称、标签、ID、创建时间、磁盘占用、与其他镜像共享的部分，以及由它创建的容器。</translation>
    </message>
    <message>
        <source>Print only the image ids.</source>
        <translation>只输出镜像 ID。</translation>
    </message>
    <message>
        <source>Removed %1
</source>
        <translation>已删除 %1
</translation>
    </message>
    <message>
        <source>rm: remove images (by name only that name, by id the whole image); refused while a container is made from one. prune: remove images without a name that no container uses (--all: every image no container uses) and the layers no image has left. inspect: an image&apos;s details.</source>
        <translation>rm：删除镜像（按名称只删除该名称，按 ID 删除整个镜像）；有容器由其创建时拒绝。prune：删除没有容器使用的无名称镜像（--all：所有没有容器使用的镜像）以及不再属于任何镜像的层。inspect：镜像的详细信息。</translation>
    </message>
    <message>
        <source>prune: every image no container uses.</source>
        <translation>prune：所有没有容器使用的镜像。</translation>
    </message>
    <message>
        <source>inspect: print JSON.</source>
        <translation>inspect：输出 JSON。</translation>
    </message>
    <message>
        <source>image: expected &apos;rm REF...&apos;, &apos;prune [--all]&apos; or &apos;inspect REF&apos;</source>
        <translation>image：应为 &apos;rm REF...&apos;、&apos;prune [--all]&apos; 或 &apos;inspect REF&apos;</translation>
    </message>
    <message>
        <source>Exit codes:
  0  success
  1  failure
  2  usage error or invalid argument
  3  not authorized
  4  no such container or image
  5  busy (another operation holds the container)
  6  the helper (org.berth.Berth1) cannot be reached
  exec and run: the command&apos;s own exit status
  exec: 127 if the command is not found, 126 if it cannot be run
</source>
        <translation>退出码：
  0  成功
  1  失败
  2  用法错误或参数无效
  3  未获授权
  4  没有该容器或镜像
  5  忙（另一个操作正占用该容器）
  6  无法连接辅助服务（org.berth.Berth1）
  exec 和 run：命令自身的退出状态
  exec：找不到命令时为 127，命令无法运行时为 126
</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message>
        <source>Downloading %1 / %2</source>
        <translation>正在下载 %1 / %2</translation>
    </message>
    <message>
        <source>Verifying checksum</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>正在解压</translation>
    </message>
    <message>
        <source>Extracting %1 / %2</source>
        <translation>正在解压 %1 / %2</translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建于</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHARED</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>USED BY</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 layers)</source>
        <translation>%1（%3 层中的 %2 层）</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>入口点</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>停止信号</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Deleted image %1
</source>
        <translation>已删除镜像 %1
</translation>
    </message>
    <message>
        <source>Deleted layer %1
</source>
        <translation>已删除层 %1
</translation>
    </message>
    <message>
        <source>Space freed: %1
</source>
        <translation>释放空间：%1
</translation>
    </message>
    <message>
        <source>Pull an image from a registry</source>
        <translation>从镜像仓库拉取镜像</translation>
    </message>
    <message>
        <source>List the images of the store</source>
        <translation>列出存储中的镜像</translation>
    </message>
    <message>
        <source>Remove, prune or inspect images</source>
        <translation>删除、清理或查看镜像</translation>
    </message>
    <message>
        <source>expected HOSTPORT:PORT[/udp] or ADDRESS:HOSTPORT:PORT[/udp], got &apos;%1&apos;</source>
        <translation>应为 HOSTPORT:PORT[/udp] 或 ADDRESS:HOSTPORT:PORT[/udp]，得到的是 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>berth: could not save the screenshot &apos;%1&apos;</source>
        <translation>berth：无法保存截图“%1”</translation>
    </message>
    <message>
        <source>Create, run and watch local Linux containers.</source>
        <translation>创建、运行并监视本地 Linux 容器。</translation>
    </message>
    <message>
        <source>Save a PNG of each main view into DIRECTORY, then quit.</source>
        <translation>将每个主视图的 PNG 截图保存到 DIRECTORY 中，然后退出。</translation>
    </message>
    <message>
        <source>DIRECTORY</source>
        <translation>DIRECTORY</translation>
    </message>
    <message>
        <source>Use a light or dark palette (light, dark or system; default: BERTH_PALETTE, else the desktop&apos;s).</source>
        <translation>使用浅色或深色调色板（light、dark 或 system；默认：BERTH_PALETTE，否则跟随桌面）。</translation>
    </message>
    <message>
        <source>PALETTE</source>
        <translation>调色板</translation>
    </message>
    <message>
        <source>berth: the palette is light, dark or system, not &apos;%1&apos;</source>
        <translation>berth：调色板只能是 light、dark 或 system，而不是“%1”</translation>
    </message>
</context>
</TS>
