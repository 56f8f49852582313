<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BridgeChecks</name>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>The name may have at most 15 characters.</source>
        <translation>Der Name darf höchstens 15 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The name must start with a letter, a digit or &apos;_&apos;.</source>
        <translation>Der Name muss mit einem Buchstaben, einer Ziffer oder „_“ beginnen.</translation>
    </message>
    <message>
        <source>The name may contain only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;.</source>
        <translation>Der Name darf nur Buchstaben, Ziffern, „_“, „-“ und „.“ enthalten.</translation>
    </message>
    <message>
        <source>A bridge with this name exists already.</source>
        <translation>Es gibt bereits eine Bridge mit diesem Namen.</translation>
    </message>
    <message>
        <source>Enter the subnet as an address with a prefix length, such as 10.0.5.0/24.</source>
        <translation>Geben Sie das Subnetz als Adresse mit Präfixlänge ein, z. B. 10.0.5.0/24.</translation>
    </message>
    <message>
        <source>The prefix length must be between 8 and 30.</source>
        <translation>Die Präfixlänge muss zwischen 8 und 30 liegen.</translation>
    </message>
    <message>
        <source>This is not the first address of the subnet: use the network address, such as 10.0.5.0/24.</source>
        <translation>Das ist nicht die erste Adresse des Subnetzes: Verwenden Sie die Netzadresse, z. B. 10.0.5.0/24.</translation>
    </message>
    <message>
        <source>The subnet overlaps addresses no bridge may use (loopback 127.0.0.0/8, link-local 169.254.0.0/16, multicast 224.0.0.0/4, 0.0.0.0/8 or 240.0.0.0/4): use a private subnet such as 10.0.5.0/24.</source>
        <translation>Das Subnetz überschneidet sich mit Adressen, die keine Bridge verwenden darf (Loopback 127.0.0.0/8, Link-Local 169.254.0.0/16, Multicast 224.0.0.0/4, 0.0.0.0/8 oder 240.0.0.0/4): Verwenden Sie ein privates Subnetz wie 10.0.5.0/24.</translation>
    </message>
    <message>
        <source>The subnet overlaps the subnet of another bridge.</source>
        <translation>Das Subnetz überschneidet sich mit dem Subnetz einer anderen Bridge.</translation>
    </message>
    <message>
        <source>Enter an IPv4 address, such as 10.0.5.1.</source>
        <translation>Geben Sie eine IPv4-Adresse ein, z. B. 10.0.5.1.</translation>
    </message>
    <message>
        <source>The address is outside the subnet.</source>
        <translation>Die Adresse liegt außerhalb des Subnetzes.</translation>
    </message>
    <message>
        <source>The first and the last address of the subnet cannot be used.</source>
        <translation>Die erste und die letzte Adresse des Subnetzes können nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The DHCP range ends before it starts.</source>
        <translation>Der DHCP-Bereich endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>The DHCP range must not contain the bridge&apos;s own address.</source>
        <translation>Der DHCP-Bereich darf die eigene Adresse der Bridge nicht enthalten.</translation>
    </message>
    <message>
        <source>The domain may contain only lower-case letters, digits, &apos;-&apos; and dots between names.</source>
        <translation>Die Domain darf nur Kleinbuchstaben, Ziffern, „-“ und Punkte zwischen Namen enthalten.</translation>
    </message>
    <message>
        <source>The MTU must be 0 (the kernel&apos;s default) or between 68 and 65535.</source>
        <translation>Die MTU muss 0 (die Vorgabe des Kernels) oder zwischen 68 und 65535 sein.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>You are not allowed to %1.</source>
        <translation>Keine Berechtigung zum %1.</translation>
    </message>
    <message>
        <source>Could not %1: the Berth helper service cannot be reached.</source>
        <translation>Fehler beim %1: Der Berth-Hilfsdienst ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Could not %1: another operation on it is still running. Try again in a moment.</source>
        <translation>Fehler beim %1: Ein anderer Vorgang für diesen Container läuft noch. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Could not %1: it does not exist (any more).</source>
        <translation>Fehler beim %1: Der Container existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Fehler beim %1: %2</translation>
    </message>
    <message>
        <source>You are not allowed to %1: %2</source>
        <translation>Keine Berechtigung zum %1: %2</translation>
    </message>
    <message>
        <source>Could not %1: the Berth helper stopped before it was done. The list shows what is in force now; try again if it is not done (the helper starts again and removes what was left half-made).</source>
        <translation>Fehler beim %1: Der Berth-Hilfsdienst wurde beendet, bevor er fertig war. Die Liste zeigt, was jetzt gilt; versuchen Sie es erneut, falls es nicht erledigt ist (der Hilfsdienst startet neu und entfernt, was halb fertig zurückblieb).</translation>
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
        <translation>Menüs öffnen sich mit Alt und ihrem unterstrichenen Buchstaben; Tab und Umschalt+Tab wechseln zwischen Filter, Liste und Details.</translation>
    </message>
    <message>
        <source>About Berth</source>
        <translation>Über Berth</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Berth %1&lt;/h3&gt;&lt;p&gt;Create, run and watch local Linux containers: system containers that boot a distribution, and application containers that run one command, with limits you change while they run.&lt;/p&gt;&lt;p&gt;Built with Qt %2. The manual is in Help → Berth Manual; the command line tool is &lt;tt&gt;berthctl&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Berth %1&lt;/h3&gt;&lt;p&gt;Lokale Linux-Container erstellen, starten und beobachten: Systemcontainer, die eine Distribution starten, und Anwendungscontainer, die einen Befehl ausführen, mit Grenzen, die Sie im laufenden Betrieb ändern.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Das Handbuch finden Sie unter Hilfe → Berth-Handbuch; das Kommandozeilenwerkzeug heißt &lt;tt&gt;berthctl&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Berth &amp;Manual</source>
        <translation>Berth-&amp;Handbuch</translation>
    </message>
    <message>
        <source>Berth Manual</source>
        <translation>Berth-Handbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts — Berth</source>
        <translation>Tastenkürzel — Berth</translation>
    </message>
    <message>
        <source>&amp;About Berth</source>
        <translation>Ü&amp;ber Berth</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>ImageTexts</name>
    <message>
        <source>Type an image name, such as debian:bookworm.</source>
        <translation>Geben Sie einen Image-Namen ein, etwa debian:bookworm.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a registry: a host name or address, with an optional :port.</source>
        <translation>&apos;%1&apos; ist keine Registry: ein Hostname oder eine Adresse, optional mit :Port.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a repository name: lowercase letters, digits and . _ - between them, parts separated by /.</source>
        <translation>&apos;%1&apos; ist kein Repository-Name: Kleinbuchstaben und Ziffern, dazwischen . _ -, Teile durch / getrennt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a tag: letters, digits, _ . and -, at most 128, not starting with . or -.</source>
        <translation>&apos;%1&apos; ist kein Tag: Buchstaben, Ziffern, _ . und -, höchstens 128, nicht mit . oder - am Anfang.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a digest: sha256: followed by 64 lowercase hex digits.</source>
        <translation>&apos;%1&apos; ist kein Digest: sha256: gefolgt von 64 hexadezimalen Kleinbuchstaben-Ziffern.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Lädt herunter</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Prüft</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpackt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Already in the store</source>
        <translation>Schon im Speicher</translation>
    </message>
    <message>
        <source>&lt;none&gt; (%1)</source>
        <translation>&lt;ohne Namen&gt; (%1)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message numerus="yes">
        <source>none of %n layer(s)</source>
        <translation>
            <numerusform>keine von %n Schicht</numerusform>
            <numerusform>keine von %n Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n layer(s) (%2)</source>
        <translation>
            <numerusform>%1 von %n Schicht (%2)</numerusform>
            <numerusform>%1 von %n Schichten (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>Outsider</name>
    <message>
        <source>You are not in the group &apos;%1&apos;, so Berth asks for an administrator&apos;s password for every change. To manage containers without it, run &lt;code&gt;sudo adduser %2 %1&lt;/code&gt; in a terminal, then log out and in again.</source>
        <translation>Sie sind nicht in der Gruppe „%1“, daher fragt Berth bei jeder Änderung nach dem Passwort eines Administrators. Um Container ohne Passwort zu verwalten, führen Sie in einem Terminal &lt;code&gt;sudo adduser %2 %1&lt;/code&gt; aus und melden Sie sich danach ab und wieder an.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>CPU up to %1 cores</source>
        <translation>CPU bis zu %1 Kerne</translation>
    </message>
    <message>
        <source>CPU: no limit</source>
        <translation>CPU: keine Grenze</translation>
    </message>
    <message>
        <source>CPU weight %1 when containers compete (100 is the default)</source>
        <translation>CPU-Gewicht %1, wenn Container konkurrieren (Standard: 100)</translation>
    </message>
    <message>
        <source>CPU shares %1 when containers compete (1024 is the default)</source>
        <translation>CPU-Anteile %1, wenn Container konkurrieren (Standard: 1024)</translation>
    </message>
    <message>
        <source>Runs only on CPUs %1</source>
        <translation>Läuft nur auf den CPUs %1</translation>
    </message>
    <message>
        <source>Uses only memory nodes %1</source>
        <translation>Nutzt nur die Speicherknoten %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Disk weight %1 when containers compete (100 is the default)</source>
        <translation>Datenträger-Gewicht %1, wenn Container konkurrieren (Standard: 100)</translation>
    </message>
    <message>
        <source>Disk weight %1 when containers compete (500 is the default)</source>
        <translation>Datenträger-Gewicht %1, wenn Container konkurrieren (Standard: 500)</translation>
    </message>
    <message>
        <source>reads up to %1</source>
        <translation>liest bis zu %1</translation>
    </message>
    <message>
        <source>writes up to %1</source>
        <translation>schreibt bis zu %1</translation>
    </message>
    <message>
        <source>%1 reads per second</source>
        <translation>%1 Lesevorgänge pro Sekunde</translation>
    </message>
    <message>
        <source>%1 writes per second</source>
        <translation>%1 Schreibvorgänge pro Sekunde</translation>
    </message>
    <message>
        <source>Disk %1:%2: %3</source>
        <translation>Datenträger %1:%2: %3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>memory %1 (no limit)</source>
        <translation>Speicher %1 (keine Grenze)</translation>
    </message>
    <message>
        <source>memory %1 of %2</source>
        <translation>Speicher %1 von %2</translation>
    </message>
    <message>
        <source>1 process</source>
        <translation>1 Prozess</translation>
    </message>
    <message>
        <source>%1 processes</source>
        <translation>%1 Prozesse</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1 von höchstens %2</translation>
    </message>
    <message>
        <source>exited normally</source>
        <translation>normal beendet</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>mit Code %1 beendet</translation>
    </message>
    <message>
        <source>killed by %1 (Force stop, or out of memory)</source>
        <translation>durch %1 beendet (Zwangsbeenden oder Speicher erschöpft)</translation>
    </message>
    <message>
        <source>stopped by %1</source>
        <translation>durch %1 gestoppt</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>durch %1 abgebrochen</translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Frozen: its processes are paused until you thaw it</source>
        <translation>Eingefroren: seine Prozesse ruhen, bis Sie ihn auftauen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Stopped — last run ended with an error: %1</source>
        <translation>Gestoppt — der letzte Lauf endete mit einem Fehler: %1</translation>
    </message>
    <message>
        <source>Stopped — last run: %1</source>
        <translation>Gestoppt — letzter Lauf: %1</translation>
    </message>
    <message>
        <source>CPU %1 % of one core</source>
        <translation>CPU %1 % eines Kerns</translation>
    </message>
    <message>
        <source>Memory: no limit</source>
        <translation>Speicher: keine Grenze</translation>
    </message>
    <message>
        <source>Memory up to %1</source>
        <translation>Speicher bis zu %1</translation>
    </message>
    <message>
        <source>Memory above %1 is reclaimed first</source>
        <translation>Speicher über %1 wird zuerst zurückgeholt</translation>
    </message>
    <message>
        <source>Swap: no limit</source>
        <translation>Auslagerung: keine Grenze</translation>
    </message>
    <message>
        <source>Swap up to %1</source>
        <translation>Auslagerung bis zu %1</translation>
    </message>
    <message>
        <source>Processes: no limit</source>
        <translation>Prozesse: keine Grenze</translation>
    </message>
    <message>
        <source>At most %1 processes</source>
        <translation>Höchstens %1 Prozesse</translation>
    </message>
    <message>
        <source>unknown (its configuration cannot be read)</source>
        <translation>unbekannt (seine Konfiguration ist nicht lesbar)</translation>
    </message>
    <message>
        <source>System container: boots its own init</source>
        <translation>Systemcontainer: startet sein eigenes Init</translation>
    </message>
    <message>
        <source>Application container: runs one command</source>
        <translation>Anwendungscontainer: führt einen Befehl aus</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
    <message>
        <source>host port %1</source>
        <translation>Rechner-Port %1</translation>
    </message>
    <message>
        <source>%1 → port %2 (%3)</source>
        <translation>%1 → Port %2 (%3)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>No network: loopback only</source>
        <translation>Kein Netzwerk: nur Loopback</translation>
    </message>
    <message>
        <source>None while it is not running</source>
        <translation>Keine, solange er nicht läuft</translation>
    </message>
    <message>
        <source>None while it is not running (reserved: %1)</source>
        <translation>Keine, solange er nicht läuft (reserviert: %1)</translation>
    </message>
    <message>
        <source>No address yet</source>
        <translation>Noch keine Adresse</translation>
    </message>
    <message>
        <source>Running without its monitor (it was killed): its console and commands are unavailable; Stop ends it</source>
        <translation>Läuft ohne seinen Monitor (er wurde beendet): Konsole und Befehle sind nicht verfügbar; Stoppen beendet ihn</translation>
    </message>
</context>
<context>
    <name>Privilege</name>
    <message>
        <source>Privileged: root inside this container is root on this computer</source>
        <translation>Privilegiert: root in diesem Container ist root auf diesem Rechner</translation>
    </message>
    <message>
        <source>Privileged: root inside is root on this computer</source>
        <translation>Privilegiert: root im Container ist root auf diesem Rechner</translation>
    </message>
    <message>
        <source>Unprivileged: %1</source>
        <translation>Unprivilegiert: %1</translation>
    </message>
    <message>
        <source>rootfs shifted into them once at creation</source>
        <translation>Root-Dateisystem beim Erstellen einmal in sie verschoben</translation>
    </message>
    <message>
        <source>rootfs through an idmapped mount</source>
        <translation>Root-Dateisystem über einen ID-gemappten Mount</translation>
    </message>
    <message>
        <source>Unprivileged: host IDs %1 (%2)</source>
        <translation>Unprivilegiert: Host-IDs %1 (%2)</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Zeigt die Hilfe zu den Befehlszeilenoptionen an.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Zeigt die Hilfe einschließlich der Qt-spezifischen Optionen an.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Unbekannte Option &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Unbekannte Optionen: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Fehlender Wert nach &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Unerwarteter Wert nach &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Running, unmanaged</source>
        <translation>Läuft, unverwaltet</translation>
    </message>
</context>
<context>
    <name>StaticAddressCheck</name>
    <message>
        <source>Enter the container&apos;s IPv4 address.</source>
        <translation>Geben Sie die IPv4-Adresse des Containers ein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 address; write it as four numbers from 0 to 255 separated by dots, such as 10.0.3.20.</source>
        <translation>„%1“ ist keine IPv4-Adresse; schreiben Sie sie als vier Zahlen von 0 bis 255, durch Punkte getrennt, etwa 10.0.3.20.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the bridge&apos;s network %2.</source>
        <translation>„%1“ liegt nicht im Netz %2 der Bridge.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the address of the network itself; choose another one.</source>
        <translation>„%1“ ist die Adresse des Netzes selbst; wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the broadcast address of the network; choose another one.</source>
        <translation>„%1“ ist die Broadcast-Adresse des Netzes; wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the bridge&apos;s own address; choose another one.</source>
        <translation>„%1“ ist die Adresse der Bridge selbst; wählen Sie eine andere.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>UsageSummary</name>
    <message>
        <source>No figures yet</source>
        <translation>Noch keine Werte</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1, no limit</source>
        <translation>%1, keine Grenze</translation>
    </message>
    <message>
        <source>%1 (soft limit %2)</source>
        <translation>%1 (weiche Grenze %2)</translation>
    </message>
    <message>
        <source>%1, no quota</source>
        <translation>%1, kein Kontingent</translation>
    </message>
    <message>
        <source>%1, quota %2 (%3 cores)</source>
        <translation>%1, Kontingent %2 (%3 Kerne)</translation>
    </message>
    <message>
        <source>read %1, written %2</source>
        <translation>gelesen %1, geschrieben %2</translation>
    </message>
    <message>
        <source>received %1, sent %2</source>
        <translation>empfangen %1, gesendet %2</translation>
    </message>
</context>
<context>
    <name>berth::client::RegistryCredentials</name>
    <message>
        <source>ignoring &apos;%1&apos;: not a regular file</source>
        <translation>&apos;%1&apos; wird ignoriert: keine reguläre Datei</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: it belongs to another user (uid %2)</source>
        <translation>&apos;%1&apos; wird ignoriert: sie gehört einem anderen Benutzer (UID %2)</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: others may write it (chmod go-w)</source>
        <translation>&apos;%1&apos; wird ignoriert: andere dürfen sie schreiben (chmod go-w)</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: larger than 1 MiB</source>
        <translation>&apos;%1&apos; wird ignoriert: größer als 1 MiB</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; wird ignoriert: %2</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: cannot read it</source>
        <translation>&apos;%1&apos; wird ignoriert: nicht lesbar</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names a credential helper (credsStore or credHelpers) for &apos;%2&apos;: Berth does not run credential helpers; log in with &apos;podman login %2&apos; (auth.json) instead</source>
        <translation>&apos;%1&apos; nennt ein Credential-Hilfsprogramm (credsStore oder credHelpers) für &apos;%2&apos;: Berth führt keine Credential-Hilfsprogramme aus; melden Sie sich stattdessen mit &apos;podman login %2&apos; (auth.json) an</translation>
    </message>
    <message>
        <source>ignoring &apos;%1&apos;: not a JSON object (%2)</source>
        <translation>&apos;%1&apos; wird ignoriert: kein JSON-Objekt (%2)</translation>
    </message>
</context>
<context>
    <name>berth::gui::AddressChoice</name>
    <message>
        <source>Automatic (DHCP/IPAM)</source>
        <translation>Automatisch (DHCP/IPAM)</translation>
    </message>
    <message>
        <source>Static</source>
        <translation>Statisch</translation>
    </message>
</context>
<context>
    <name>berth::gui::AutostartBox</name>
    <message>
        <source>Start when the host boots</source>
        <translation>Starten, wenn der Rechner hochfährt</translation>
    </message>
    <message numerus="yes">
        <source>Starts in boot order %1, then the next one waits %n second(s).</source>
        <translation>
            <numerusform>Startet an Position %1 der Startreihenfolge, danach wartet der nächste %n Sekunde.</numerusform>
            <numerusform>Startet an Position %1 der Startreihenfolge, danach wartet der nächste %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Starts in boot order %1 (lower numbers start first).</source>
        <translation>Startet an Position %1 der Startreihenfolge (kleinere Zahlen starten zuerst).</translation>
    </message>
    <message>
        <source>Waits at boot until these host interfaces are up: %1.</source>
        <translation>Wartet beim Hochfahren, bis diese Schnittstellen des Rechners aktiv sind: %1.</translation>
    </message>
    <message>
        <source>start &apos;%1&apos; when the host boots</source>
        <translation>Automatisches Starten von „%1“ beim Hochfahren</translation>
    </message>
    <message>
        <source>stop starting &apos;%1&apos; when the host boots</source>
        <translation>Abschalten des automatischen Starts von „%1“</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeNamePage</name>
    <message>
        <source>Bridge name</source>
        <translation>Name der Bridge</translation>
    </message>
    <message>
        <source>Containers attached to the bridge share its subnet. The name is the bridge&apos;s network interface on the host.</source>
        <translation>Container, die an die Bridge angeschlossen sind, teilen sich ihr Subnetz. Der Name ist die Netzwerkschnittstelle der Bridge auf dem Host.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeOptionsPage</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Let containers reach other networks through the host (NAT)</source>
        <translation>Containern über den Host den Zugriff auf andere Netze erlauben (NAT)</translation>
    </message>
    <message>
        <source>DNS domain:</source>
        <translation>DNS-Domain:</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeSubnetPage</name>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>The subnet of the bridge, the bridge&apos;s own address in it, and the addresses DHCP hands out to containers.</source>
        <translation>Das Subnetz der Bridge, die eigene Adresse der Bridge darin und die Adressen, die DHCP an Container vergibt.</translation>
    </message>
    <message>
        <source>Subnet:</source>
        <translation>Subnetz:</translation>
    </message>
    <message>
        <source>Use it</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Bridge address:</source>
        <translation>Bridge-Adresse:</translation>
    </message>
    <message>
        <source>DHCP range from:</source>
        <translation>DHCP-Bereich von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>The whole subnet: the DHCP range is filled in, the bridge address is the dark mark.</source>
        <translation>Das ganze Subnetz: Der DHCP-Bereich ist ausgefüllt, die Bridge-Adresse ist die dunkle Markierung.</translation>
    </message>
    <message>
        <source>Suggested free subnet: %1</source>
        <translation>Vorgeschlagenes freies Subnetz: %1</translation>
    </message>
    <message>
        <source>Every 10.0.N.0/24 subnet is in use; choose another.</source>
        <translation>Alle Subnetze 10.0.N.0/24 sind belegt; wählen Sie ein anderes.</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>berth::gui::BridgeWizard</name>
    <message>
        <source>Edit bridge &apos;%1&apos;</source>
        <translation>Bridge „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>New bridge</source>
        <translation>Neue Bridge</translation>
    </message>
    <message>
        <source>Name: %1
Bridge address: %2
DHCP range: %3
NAT: %4
DNS domain: %5</source>
        <translation>Name: %1
Bridge-Adresse: %2
DHCP-Bereich: %3
NAT: %4
DNS-Domain: %5</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>berth (the default)</source>
        <translation>berth (Standard)</translation>
    </message>
    <message>
        <source>Saving the bridge…</source>
        <translation>Die Bridge wird gespeichert…</translation>
    </message>
    <message>
        <source>change the bridge &apos;%1&apos;</source>
        <translation>Ändern der Bridge „%1“</translation>
    </message>
    <message>
        <source>create the bridge &apos;%1&apos;</source>
        <translation>Erstellen der Bridge „%1“</translation>
    </message>
</context>
<context>
    <name>berth::gui::ConfigTab</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>The config of &apos;%1&apos; has changes that are not saved. Discard them?</source>
        <translation>Die Konfiguration von „%1“ enthält nicht gespeicherte Änderungen. Sollen sie verworfen werden?</translation>
    </message>
    <message>
        <source>read the config of &apos;%1&apos;</source>
        <translation>Lesen der Konfiguration von „%1“</translation>
    </message>
    <message>
        <source>save the config of &apos;%1&apos;</source>
        <translation>Speichern der Konfiguration von „%1“</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Show the configuration as it is now; your edits are discarded.</source>
        <translation>Die Konfiguration so zeigen, wie sie jetzt ist; Ihre Änderungen werden verworfen.</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>The configuration of &apos;%1&apos; was changed outside this editor (a limit, autostart, an interface or another editor).</source>
        <translation>Die Konfiguration von „%1“ wurde außerhalb dieses Editors geändert (eine Grenze, der automatische Start, eine Schnittstelle oder ein anderer Editor).</translation>
    </message>
    <message>
        <source>Reload shows it as it is now (your edits are discarded); a save of your edits would be refused.</source>
        <translation>„Neu laden“ zeigt sie, wie sie jetzt ist (Ihre Änderungen werden verworfen); ein Speichern Ihrer Änderungen würde abgelehnt.</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Not saved: the configuration of &apos;%1&apos; was changed since you opened it.</source>
        <translation>Nicht gespeichert: Die Konfiguration von „%1“ wurde geändert, seit Sie sie geöffnet haben.</translation>
    </message>
    <message>
        <source>Saved. Berth keeps these lines but does not apply them:</source>
        <translation>Gespeichert. Berth behält diese Zeilen, wendet sie aber nicht an:</translation>
    </message>
</context>
<context>
    <name>berth::gui::ConsoleTab</name>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>The container&apos;s console, or a new shell in it.</source>
        <translation>Die Konsole des Containers oder eine neue Shell darin.</translation>
    </message>
    <message>
        <source>Open in a terminal window</source>
        <translation>In einem Terminalfenster öffnen</translation>
    </message>
    <message>
        <source>No container is selected.</source>
        <translation>Es ist kein Container ausgewählt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not running. Start it to use its console.</source>
        <translation>„%1“ läuft nicht. Starten Sie den Container, um seine Konsole zu verwenden.</translation>
    </message>
    <message>
        <source>open the console of &apos;%1&apos;</source>
        <translation>Öffnen der Konsole von „%1“</translation>
    </message>
    <message>
        <source>open a shell in &apos;%1&apos;</source>
        <translation>Öffnen einer Shell in „%1“</translation>
    </message>
    <message>
        <source>The terminal could not be opened: %1</source>
        <translation>Das Terminal konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The console was closed.</source>
        <translation>Die Konsole wurde geschlossen.</translation>
    </message>
    <message>
        <source>The shell has ended.</source>
        <translation>Die Shell wurde beendet.</translation>
    </message>
    <message>
        <source>Keys go to the container while the terminal has the focus. Ctrl+Tab leaves the terminal; click in it to type again.</source>
        <translation>Solange das Terminal den Fokus hat, gehen die Tasten an den Container. Strg+Tab verlässt das Terminal; klicken Sie hinein, um wieder zu tippen.</translation>
    </message>
    <message>
        <source>Console of &apos;%1&apos;</source>
        <translation>Konsole von „%1“</translation>
    </message>
    <message>
        <source>Shell in &apos;%1&apos;</source>
        <translation>Shell in „%1“</translation>
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
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Memory used / limit</source>
        <translation>Speicher (belegt / Grenze)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>Autostart</translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerNameValidator</name>
    <message>
        <source>Enter a name for the container.</source>
        <translation>Geben Sie einen Namen für den Container ein.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>Der Name ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The name must start with a lowercase letter or a digit.</source>
        <translation>Der Name muss mit einem Kleinbuchstaben oder einer Ziffer beginnen.</translation>
    </message>
    <message>
        <source>The name contains &apos;%1&apos;; allowed are a-z, 0-9, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Der Name enthält „%1“; erlaubt sind a-z, 0-9, „_“, „.“ und „-“.</translation>
    </message>
    <message>
        <source>A container named &apos;%1&apos; exists already.</source>
        <translation>Es gibt bereits einen Container namens „%1“.</translation>
    </message>
</context>
<context>
    <name>berth::gui::CpusetPicker</name>
    <message>
        <source>All CPUs</source>
        <translation>Alle CPUs</translation>
    </message>
    <message>
        <source>CPU numbers and ranges, such as 0-1,3. Empty: all CPUs.</source>
        <translation>CPU-Nummern und -Bereiche, z. B. 0-1,3. Leer: alle CPUs.</translation>
    </message>
</context>
<context>
    <name>berth::gui::ExternalTerminal</name>
    <message>
        <source>The terminal program &apos;%1&apos; was not found. Choose one in the settings.</source>
        <translation>Das Terminalprogramm „%1“ wurde nicht gefunden. Wählen Sie eines in den Einstellungen.</translation>
    </message>
    <message>
        <source>The terminal program &apos;%1&apos; could not be started.</source>
        <translation>Das Terminalprogramm „%1“ konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Berth runs as a Flatpak that may not start programs on the host, so it cannot open a terminal there. Use the Console tab, or allow it with: flatpak override --user --talk-name=org.freedesktop.Flatpak org.berth.Berth</source>
        <translation>Berth läuft als Flatpak, das keine Programme auf dem Rechner starten darf, und kann dort deshalb kein Terminal öffnen. Verwenden Sie den Reiter Konsole oder erlauben Sie es mit: flatpak override --user --talk-name=org.freedesktop.Flatpak org.berth.Berth</translation>
    </message>
</context>
<context>
    <name>berth::gui::FileField</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose Folder…</source>
        <translation>Ordner wählen…</translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a folder; choose a file.</source>
        <translation>„%1“ ist ein Ordner; wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a folder; choose a folder.</source>
        <translation>„%1“ ist kein Ordner; wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>berth::gui::ForwardDialog</name>
    <message>
        <source>Forward a port to &apos;%1&apos;</source>
        <translation>Port an „%1“ weiterleiten</translation>
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
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>All addresses of the host</source>
        <translation>Alle Adressen des Hosts</translation>
    </message>
    <message>
        <source>Host address:</source>
        <translation>Host-Adresse:</translation>
    </message>
    <message>
        <source>Host port:</source>
        <translation>Host-Port:</translation>
    </message>
    <message>
        <source>Container port:</source>
        <translation>Container-Port:</translation>
    </message>
    <message>
        <source>Enter an IPv4 address of the host, such as 127.0.0.1, or leave it empty.</source>
        <translation>Geben Sie eine IPv4-Adresse des Hosts ein, z. B. 127.0.0.1, oder lassen Sie das Feld leer.</translation>
    </message>
</context>
<context>
    <name>berth::gui::HelperMissingPage</name>
    <message>
        <source>&lt;h2&gt;Berth&apos;s helper service cannot be reached&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Der Hilfsdienst von Berth ist nicht erreichbar&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Berth manages containers through &lt;b&gt;berth-helper&lt;/b&gt;, a system service that the system bus starts when it is needed. It is not installed, or the system bus is not running.&lt;br&gt;&lt;br&gt;To install it from a source checkout, run &lt;tt&gt;sudo ./scripts/run.sh&lt;/tt&gt;; otherwise install the &lt;b&gt;berth&lt;/b&gt; package of your distribution. Then press Retry.</source>
        <translation>Berth verwaltet Container über &lt;b&gt;berth-helper&lt;/b&gt;, einen Systemdienst, den der Systembus bei Bedarf startet. Er ist nicht installiert, oder der Systembus läuft nicht.&lt;br&gt;&lt;br&gt;Um ihn aus einem Quellcode-Checkout zu installieren, führen Sie &lt;tt&gt;sudo ./scripts/run.sh&lt;/tt&gt; aus; andernfalls installieren Sie das Paket &lt;b&gt;berth&lt;/b&gt; Ihrer Distribution. Klicken Sie dann auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>berth::gui::ImageListModel</name>
    <message>
        <source>list the images</source>
        <translation>die Images auflisten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>Image-ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Shared layers</source>
        <translation>Geteilte Schichten</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
</context>
<context>
    <name>berth::gui::ImagePage</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>The image the container is made from, and what the container runs of it.</source>
        <translation>Das Image, aus dem der Container entsteht, und was der Container davon ausführt.</translation>
    </message>
    <message>
        <source>What always runs; the command is given to it as arguments. Put an argument that contains spaces in double quotes.</source>
        <translation>Was immer läuft; der Befehl wird ihm als Argumente übergeben. Setzen Sie ein Argument mit Leerzeichen in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation>Einstiegspunkt:</translation>
    </message>
    <message>
        <source>The program and its arguments, separated by spaces. Put an argument that contains spaces in double quotes.</source>
        <translation>Das Programm und seine Argumente, durch Leerzeichen getrennt. Setzen Sie ein Argument mit Leerzeichen in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add &amp;Variable</source>
        <translation>&amp;Variable hinzufügen</translation>
    </message>
    <message>
        <source>Remove V&amp;ariable</source>
        <translation>V&amp;ariable entfernen</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>/ (the root)</source>
        <translation>/ (die Wurzel)</translation>
    </message>
    <message>
        <source>Working directory:</source>
        <translation>Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message>
        <source>A user name or ID inside the container, optionally with :group</source>
        <translation>Ein Benutzername oder eine ID im Container, optional mit :Gruppe</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>The image exposes no ports.</source>
        <translation>Das Image gibt keine Ports frei.</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports:</translation>
    </message>
    <message>
        <source>Type the name of an image, then pull it.</source>
        <translation>Geben Sie den Namen eines Images ein und laden Sie es dann herunter.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is in the store (%2).</source>
        <translation>&apos;%1&apos; ist im Speicher (%2).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the store yet: pull it to go on.</source>
        <translation>&apos;%1&apos; ist noch nicht im Speicher: Laden Sie es herunter, um fortzufahren.</translation>
    </message>
    <message>
        <source>read the image &apos;%1&apos;</source>
        <translation>das Image &apos;%1&apos; lesen</translation>
    </message>
    <message>
        <source>Forward %1 from host port</source>
        <translation>%1 weiterleiten von Host-Port</translation>
    </message>
</context>
<context>
    <name>berth::gui::ImagesWindow</name>
    <message>
        <source>Images — Berth</source>
        <translation>Images — Berth</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Pr&amp;une…</source>
        <translation>Auf&amp;räumen…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Remove Image</source>
        <translation>Image entfernen</translation>
    </message>
    <message>
        <source>Remove the image &apos;%1&apos; from the store? Containers made from it later will pull it again.</source>
        <translation>Das Image &apos;%1&apos; aus dem Speicher entfernen? Container, die später daraus entstehen, laden es erneut herunter.</translation>
    </message>
    <message>
        <source>The image &apos;%1&apos; was removed.</source>
        <translation>Das Image &apos;%1&apos; wurde entfernt.</translation>
    </message>
    <message>
        <source>The image &apos;%1&apos; was not removed: it is used by %2. Destroy those containers first.</source>
        <translation>Das Image &apos;%1&apos; wurde nicht entfernt: Es wird von %2 verwendet. Löschen Sie zuerst diese Container.</translation>
    </message>
    <message>
        <source>remove the image &apos;%1&apos;</source>
        <translation>das Image &apos;%1&apos; entfernen</translation>
    </message>
    <message>
        <source>Prune Images</source>
        <translation>Images aufräumen</translation>
    </message>
    <message>
        <source>Remove the layers that no image in the store uses any more (those of removed images)?</source>
        <translation>Die Schichten entfernen, die kein Image im Speicher mehr verwendet (die entfernter Images)?</translation>
    </message>
    <message>
        <source>prune the images</source>
        <translation>die Images aufräumen</translation>
    </message>
    <message>
        <source>Freed %1 (images removed: %2, layers removed: %3).</source>
        <translation>%1 freigegeben (entfernte Images: %2, entfernte Schichten: %3).</translation>
    </message>
</context>
<context>
    <name>berth::gui::InterfaceDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Bridge:</source>
        <translation>Bridge:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Chosen when the container starts</source>
        <translation>Wird beim Start des Containers gewählt</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>MAC-Adresse:</translation>
    </message>
    <message>
        <source>There is no bridge yet: create one in the Networks window first.</source>
        <translation>Es gibt noch keine Bridge: Legen Sie zuerst im Fenster „Netzwerke“ eine an.</translation>
    </message>
</context>
<context>
    <name>berth::gui::LayerProgressList</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
</context>
<context>
    <name>berth::gui::LimitScales</name>
    <message>
        <source>cores</source>
        <translation>Kerne</translation>
    </message>
</context>
<context>
    <name>berth::gui::LimitSlider</name>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
</context>
<context>
    <name>berth::gui::LimitsPage</name>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>What the container may use. The end of each slider is unlimited; limits can be changed later on the Resources tab.</source>
        <translation>Was der Container nutzen darf. Am Ende jedes Schiebereglers ist der Wert unbegrenzt; die Grenzen lassen sich später im Reiter „Ressourcen“ ändern.</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>Speichergrenze:</translation>
    </message>
    <message>
        <source>CPU quota:</source>
        <translation>CPU-Kontingent:</translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation>Prozesse:</translation>
    </message>
</context>
<context>
    <name>berth::gui::LogTab</name>
    <message>
        <source>Follow</source>
        <translation>Mitverfolgen</translation>
    </message>
    <message>
        <source>Keep the newest output in view.</source>
        <translation>Die neueste Ausgabe immer im Blick behalten.</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>read the log of &apos;%1&apos;</source>
        <translation>Lesen des Protokolls von „%1“</translation>
    </message>
    <message>
        <source>Could not save the log to &apos;%1&apos;: %2</source>
        <translation>Das Protokoll konnte nicht in „%1“ gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Protokolldateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Shows the most recent console output only: older output was dropped when the log reached its size limit (lxc.console.size).</source>
        <translation>Zeigt nur die neueste Konsolenausgabe: ältere Ausgabe wurde verworfen, als das Protokoll seine Größengrenze erreichte (lxc.console.size).</translation>
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
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>start &apos;%1&apos;</source>
        <translation>Starten von „%1“</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>stop &apos;%1&apos;</source>
        <translation>Stoppen von „%1“</translation>
    </message>
    <message>
        <source>&amp;Force stop</source>
        <translation>&amp;Zwangsbeenden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>force &apos;%1&apos; to stop</source>
        <translation>Zwangsbeenden von „%1“</translation>
    </message>
    <message>
        <source>F&amp;reeze</source>
        <translation>E&amp;infrieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>freeze &apos;%1&apos;</source>
        <translation>Einfrieren von „%1“</translation>
    </message>
    <message>
        <source>T&amp;haw</source>
        <translation>&amp;Auftauen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>thaw &apos;%1&apos;</source>
        <translation>Auftauen von „%1“</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Container</source>
        <translation>&amp;Container</translation>
    </message>
    <message>
        <source>Container actions</source>
        <translation>Container-Aktionen</translation>
    </message>
    <message>
        <source>Filter by name, state, address or template</source>
        <translation>Nach Name, Zustand, Adresse oder Vorlage filtern</translation>
    </message>
    <message>
        <source>list the containers</source>
        <translation>Auflisten der Container</translation>
    </message>
    <message>
        <source>Asking the helper to %1…</source>
        <translation>Auftrag an den Hilfsdienst: %1…</translation>
    </message>
    <message>
        <source>Destroy the container &apos;%1&apos;? Its files are deleted; this cannot be undone.</source>
        <translation>Den Container „%1“ entfernen? Seine Dateien werden gelöscht; das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>destroy &apos;%1&apos;</source>
        <translation>Entfernen von „%1“</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Ter&amp;minal</source>
        <translation>Ter&amp;minal</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>&amp;Clone…</source>
        <translation>&amp;Klonen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Console in a terminal &amp;window</source>
        <translation>Konsole in einem Terminal&amp;fenster</translation>
    </message>
    <message>
        <source>Shell in a terminal w&amp;indow</source>
        <translation>S&amp;hell in einem Terminalfenster</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Netzwerk</translation>
    </message>
    <message>
        <source>&amp;Networks…</source>
        <translation>&amp;Netzwerke…</translation>
    </message>
    <message>
        <source>New &amp;bridge…</source>
        <translation>Neue &amp;Bridge…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;System check…</source>
        <translation>&amp;Systemprüfung…</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos;</source>
        <translation>„%1“ exportieren</translation>
    </message>
    <message>
        <source>Tarballs (*.tar.gz *.tar.xz *.tar.zst *.tar)</source>
        <translation>Tarballs (*.tar.gz *.tar.xz *.tar.zst *.tar)</translation>
    </message>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>export &apos;%1&apos;</source>
        <translation>Exportieren von „%1“</translation>
    </message>
    <message>
        <source>Exporting &apos;%1&apos; to &apos;%2&apos;…</source>
        <translation>„%1“ wird nach „%2“ exportiert…</translation>
    </message>
    <message>
        <source>Exported to &apos;%1&apos;.</source>
        <translation>Nach „%1“ exportiert.</translation>
    </message>
    <message>
        <source>Starting &apos;%1&apos;…</source>
        <translation>„%1“ wird gestartet…</translation>
    </message>
    <message>
        <source>Autostart:</source>
        <translation>Autostart:</translation>
    </message>
    <message>
        <source>Shared folders:</source>
        <translation>Geteilte Ordner:</translation>
    </message>
    <message>
        <source>Make &amp;unprivileged…</source>
        <translation>&amp;Unprivilegiert machen…</translation>
    </message>
    <message>
        <source>Give &apos;%1&apos; a user namespace of its own? Root inside becomes an unprivileged user on this computer; files it owns keep working.</source>
        <translation>&apos;%1&apos; einen eigenen User-Namespace geben? root im Container wird ein unprivilegierter Benutzer auf diesem Rechner; seine Dateien bleiben nutzbar.</translation>
    </message>
    <message>
        <source>make &apos;%1&apos; unprivileged</source>
        <translation>&apos;%1&apos; unprivilegiert machen</translation>
    </message>
    <message>
        <source>Switch between list and details</source>
        <translation>Zwischen Liste und Details wechseln</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Resources</source>
        <translation>&amp;Ressourcen</translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <translation>Netz&amp;werk</translation>
    </message>
    <message>
        <source>Conso&amp;le</source>
        <translation>Kons&amp;ole</translation>
    </message>
    <message>
        <source>L&amp;og</source>
        <translation>Proto&amp;koll</translation>
    </message>
    <message>
        <source>Confi&amp;g</source>
        <translation>Konfi&amp;guration</translation>
    </message>
    <message>
        <source>Filter the list</source>
        <translation>Liste filtern</translation>
    </message>
    <message>
        <source>Exporting to &apos;%1&apos;</source>
        <translation>Export nach „%1“</translation>
    </message>
    <message>
        <source>Making &apos;%1&apos; unprivileged</source>
        <translation>„%1“ wird unprivilegiert gemacht</translation>
    </message>
    <message>
        <source>Quit Berth</source>
        <translation>Berth beenden</translation>
    </message>
    <message>
        <source>A task is still running in the Berth helper. It can go on without this window, or be cancelled.</source>
        <translation>Im Berth-Hilfsdienst läuft noch eine Aufgabe. Sie kann ohne dieses Fenster weiterlaufen oder abgebrochen werden.</translation>
    </message>
    <message>
        <source>%1 tasks are still running in the Berth helper. They can go on without this window, or be cancelled.</source>
        <translation>Im Berth-Hilfsdienst laufen noch %1 Aufgaben. Sie können ohne dieses Fenster weiterlaufen oder abgebrochen werden.</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>Im Hintergrund weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cancel Tasks and Quit</source>
        <translation>Aufgaben abbrechen und beenden</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Bleiben</translation>
    </message>
    <message>
        <source>Destroy Container</source>
        <translation>Container entfernen</translation>
    </message>
    <message>
        <source>Force Stop</source>
        <translation>Stopp erzwingen</translation>
    </message>
    <message>
        <source>Force stop &apos;%1&apos;? Its processes are killed without a chance to save their work.</source>
        <translation>„%1“ zwangsweise stoppen? Seine Prozesse werden beendet, ohne ihre Arbeit speichern zu können.</translation>
    </message>
    <message>
        <source>Make Unprivileged</source>
        <translation>Unprivilegiert machen</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Images</translation>
    </message>
    <message>
        <source>&amp;Images…</source>
        <translation>&amp;Images…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The images pulled from registries: pull, remove, prune</source>
        <translation>Die aus Registries geladenen Images: herunterladen, entfernen, aufräumen</translation>
    </message>
</context>
<context>
    <name>berth::gui::NamePage</name>
    <message>
        <source>Name and kind</source>
        <translation>Name und Art</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>System (boots the image&apos;s own init)</source>
        <translation>System (bootet das eigene Init des Images)</translation>
    </message>
    <message>
        <source>Application (runs one command)</source>
        <translation>Anwendung (führt einen Befehl aus)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Empty: the image&apos;s own command</source>
        <translation>Leer: der eigene Befehl des Images</translation>
    </message>
    <message>
        <source>The program and its arguments, separated by spaces. Put an argument that contains spaces in double quotes.</source>
        <translation>Das Programm und seine Argumente, durch Leerzeichen getrennt. Setzen Sie ein Argument, das Leerzeichen enthält, in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>list the existing containers</source>
        <translation>Auflisten der vorhandenen Container</translation>
    </message>
    <message>
        <source>Privileged container</source>
        <translation>Privilegierter Container</translation>
    </message>
    <message>
        <source>Root inside a privileged container is root on this computer: creating one needs an administrator&apos;s password.</source>
        <translation>root in einem privilegierten Container ist root auf diesem Rechner: Das Erstellen braucht das Passwort eines Administrators.</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkPage</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>No network (loopback only)</source>
        <translation>Kein Netzwerk (nur Loopback)</translation>
    </message>
    <message>
        <source>Bridge:</source>
        <translation>Bridge:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Port forward:</source>
        <translation>Portweiterleitung:</translation>
    </message>
    <message>
        <source>Forwards:</source>
        <translation>Weiterleitungen:</translation>
    </message>
    <message>
        <source>list the bridges</source>
        <translation>Auflisten der Bridges</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is in the list already.</source>
        <translation>„%1“ ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port forward: write tcp or udp, the host port and the container&apos;s port, such as tcp:8080:80, or with a host address, udp:127.0.0.1:5353:53. Ports are 1 to 65535.</source>
        <translation>„%1“ ist keine Portweiterleitung: schreiben Sie tcp oder udp, den Host-Port und den Port des Containers, etwa tcp:8080:80, oder mit einer Host-Adresse udp:127.0.0.1:5353:53. Ports reichen von 1 bis 65535.</translation>
    </message>
    <message>
        <source>New Bridge…</source>
        <translation>Neue Bridge …</translation>
    </message>
    <message>
        <source>Create a private network for containers, then use it for this one</source>
        <translation>Ein privates Netz für Container anlegen und für diesen verwenden</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkTab</name>
    <message>
        <source>Addresses now:</source>
        <translation>Aktuelle Adressen:</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Bridge or parent</source>
        <translation>Bridge oder übergeordnete Schnittstelle</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC-Adresse</translation>
    </message>
    <message>
        <source>Configured addresses</source>
        <translation>Konfigurierte Adressen</translation>
    </message>
    <message>
        <source>Port forwards</source>
        <translation>Portweiterleitungen</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>Host-Adresse</translation>
    </message>
    <message>
        <source>Host port</source>
        <translation>Host-Port</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>Container-Port</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>read the port forwards of &apos;%1&apos;</source>
        <translation>Lesen der Portweiterleitungen von „%1“</translation>
    </message>
    <message>
        <source>interface %1</source>
        <translation>Schnittstelle %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>forward &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>Einrichten der Weiterleitung „%1“ für „%2“</translation>
    </message>
    <message>
        <source>remove the forward &apos;%1&apos; from &apos;%2&apos;</source>
        <translation>Entfernen der Weiterleitung „%1“ von „%2“</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Change the interface of &apos;%1&apos;</source>
        <translation>Schnittstelle von „%1“ ändern</translation>
    </message>
    <message>
        <source>Add an interface to &apos;%1&apos;</source>
        <translation>Schnittstelle zu „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Reserved:</source>
        <translation>Reserviert:</translation>
    </message>
    <message>
        <source>Add Interface…</source>
        <translation>Schnittstelle hinzufügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Remove Interface</source>
        <translation>Schnittstelle entfernen</translation>
    </message>
    <message>
        <source>Interface changes apply when the container next starts.</source>
        <translation>Änderungen an Schnittstellen gelten ab dem nächsten Start des Containers.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>none (not running)</source>
        <translation>keine (läuft nicht)</translation>
    </message>
    <message>
        <source>read the bridges</source>
        <translation>die Bridges lesen</translation>
    </message>
    <message>
        <source>add an interface on &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>eine Schnittstelle an „%1“ zu „%2“ hinzufügen</translation>
    </message>
    <message>
        <source>change interface %1 of &apos;%2&apos;</source>
        <translation>Schnittstelle %1 von „%2“ ändern</translation>
    </message>
    <message>
        <source>Remove interface %1 from &apos;%2&apos;?</source>
        <translation>Schnittstelle %1 von „%2“ entfernen?</translation>
    </message>
    <message>
        <source>Remove interface %1 (on &apos;%2&apos;) from &apos;%3&apos;?</source>
        <translation>Schnittstelle %1 (an „%2“) von „%3“ entfernen?</translation>
    </message>
    <message>
        <source>remove interface %1 from &apos;%2&apos;</source>
        <translation>Schnittstelle %1 von „%2“ entfernen</translation>
    </message>
    <message>
        <source>Saved. It applies when &apos;%1&apos; is next started: restart it to use it now.</source>
        <translation>Gespeichert. Es gilt ab dem nächsten Start von „%1“: Starten Sie ihn neu, um es jetzt zu nutzen.</translation>
    </message>
    <message>
        <source>Saved. It applies when &apos;%1&apos; starts.</source>
        <translation>Gespeichert. Es gilt, wenn „%1“ startet.</translation>
    </message>
    <message>
        <source>chosen at start</source>
        <translation>wird beim Start gewählt</translation>
    </message>
    <message>
        <source>automatic (DHCP)</source>
        <translation>automatisch (DHCP)</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkView</name>
    <message>
        <source>%1, NAT</source>
        <translation>%1, NAT</translation>
    </message>
    <message>
        <source>%1, no NAT</source>
        <translation>%1, ohne NAT</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>reserved %1</source>
        <translation>reserviert %1</translation>
    </message>
    <message>
        <source>no address yet</source>
        <translation>noch keine Adresse</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Network map</source>
        <translation>Netzwerkkarte</translation>
    </message>
    <message>
        <source>No bridges</source>
        <translation>Keine Bridges</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>down</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>Bridge %1, %2, no containers</source>
        <translation>Bridge %1, %2, keine Container</translation>
    </message>
    <message>
        <source>Bridge %1, %2: %3</source>
        <translation>Bridge %1, %2: %3</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>Verbindung aktiv</translation>
    </message>
    <message>
        <source>link down</source>
        <translation>Verbindung inaktiv</translation>
    </message>
    <message>
        <source>Bridge &apos;%1&apos;, address %2, %3</source>
        <translation>Bridge „%1“, Adresse %2, %3</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworksWindow</name>
    <message>
        <source>Networks — Berth</source>
        <translation>Netzwerke — Berth</translation>
    </message>
    <message>
        <source>Bridges:</source>
        <translation>Bridges:</translation>
    </message>
    <message>
        <source>&amp;New bridge…</source>
        <translation>&amp;Neue Bridge…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>list the bridges</source>
        <translation>Auflisten der Bridges</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Delete the bridge &apos;%1&apos;? Containers attached to it lose their network.</source>
        <translation>Die Bridge „%1“ löschen? Daran angeschlossene Container verlieren ihr Netzwerk.</translation>
    </message>
    <message>
        <source>delete the bridge &apos;%1&apos;</source>
        <translation>Löschen der Bridge „%1“</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No bridges yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Bridges&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>A bridge is a private network for your containers on this computer. Berth gives each container on it an address, a name the others can find it by, and — with NAT — a way out to the internet through this computer. Containers without a bridge have no network but their own loopback.</source>
        <translation>Eine Bridge ist ein privates Netzwerk für Ihre Container auf diesem Rechner. Berth gibt jedem Container daran eine Adresse, einen Namen, unter dem die anderen ihn finden, und — mit NAT — einen Weg ins Internet über diesen Rechner. Container ohne Bridge haben kein Netzwerk außer ihrem eigenen Loopback.</translation>
    </message>
    <message>
        <source>New &amp;bridge…</source>
        <translation>Neue &amp;Bridge…</translation>
    </message>
    <message>
        <source>Delete Bridge</source>
        <translation>Bridge löschen</translation>
    </message>
</context>
<context>
    <name>berth::gui::NewContainerWizard</name>
    <message>
        <source>New Container</source>
        <translation>Neuer Container</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Creating &apos;%1&apos;</source>
        <translation>„%1“ wird erstellt</translation>
    </message>
    <message>
        <source>create &apos;%1&apos;</source>
        <translation>Erstellen von „%1“</translation>
    </message>
    <message>
        <source>Close the Wizard</source>
        <translation>Assistent schließen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is still being created. Keep creating it in the background, or cancel the creation?</source>
        <translation>„%1“ wird noch erstellt. Im Hintergrund weiter erstellen oder das Erstellen abbrechen?</translation>
    </message>
    <message>
        <source>Keep Running in Background</source>
        <translation>Im Hintergrund weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cancel Creation</source>
        <translation>Erstellen abbrechen</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Bleiben</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>berth::gui::OptionField</name>
    <message>
        <source>(none)</source>
        <translation>(kein Wert)</translation>
    </message>
    <message>
        <source>(set, hidden)</source>
        <translation>(gesetzt, verborgen)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>berth::gui::OptionsPage</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>This template has no options.</source>
        <translation>Diese Vorlage hat keine Optionen.</translation>
    </message>
    <message>
        <source>Options of the template &apos;%1&apos;.</source>
        <translation>Optionen der Vorlage „%1“.</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1 (erforderlich):</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>list the containers</source>
        <translation>Auflisten der Container</translation>
    </message>
</context>
<context>
    <name>berth::gui::OverviewTab</name>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>Grenzen:</translation>
    </message>
    <message>
        <source>No container selected</source>
        <translation>Kein Container ausgewählt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Is it running?</source>
        <translation>Läuft er?</translation>
    </message>
    <message>
        <source>Init process:</source>
        <translation>Init-Prozess:</translation>
    </message>
    <message>
        <source>How do I get in?</source>
        <translation>Wie komme ich hinein?</translation>
    </message>
    <message>
        <source>Cop&amp;y command</source>
        <translation>Befehl &amp;kopieren</translation>
    </message>
    <message>
        <source>From a terminal:</source>
        <translation>Aus einem Terminal:</translation>
    </message>
    <message>
        <source>What is it using?</source>
        <translation>Was verbraucht er?</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <source>How is it reached?</source>
        <translation>Wie ist er erreichbar?</translation>
    </message>
    <message>
        <source>Port forwards:</source>
        <translation>Portweiterleitungen:</translation>
    </message>
    <message>
        <source>What is it allowed?</source>
        <translation>Was darf er?</translation>
    </message>
    <message>
        <source>Root inside:</source>
        <translation>root im Container:</translation>
    </message>
    <message>
        <source>Not applied:</source>
        <translation>Nicht angewendet:</translation>
    </message>
    <message>
        <source>What is it?</source>
        <translation>Was ist er?</translation>
    </message>
    <message>
        <source>Nothing: it is not running</source>
        <translation>Nichts: er läuft nicht</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Not measured yet: the first figures come within seconds</source>
        <translation>Noch nicht gemessen: die ersten Werte kommen in wenigen Sekunden</translation>
    </message>
</context>
<context>
    <name>berth::gui::ProgressPage</name>
    <message>
        <source>Creating the container</source>
        <translation>Container wird erstellt</translation>
    </message>
    <message>
        <source>Cancel Creation</source>
        <translation>Erstellen abbrechen</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Jetzt starten</translation>
    </message>
    <message>
        <source>Open a terminal</source>
        <translation>Terminal öffnen</translation>
    </message>
    <message>
        <source>Asking the helper to create &apos;%1&apos;…</source>
        <translation>Auftrag an den Hilfsdienst: Erstellen von „%1“…</translation>
    </message>
    <message>
        <source>create &apos;%1&apos;</source>
        <translation>Erstellen von „%1“</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>The container was not created.</source>
        <translation>Der Container wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was created.</source>
        <translation>„%1“ wurde erstellt.</translation>
    </message>
    <message>
        <source>The Berth helper has not ended the creation yet.</source>
        <translation>Der Berth-Hilfsdienst hat das Erstellen noch nicht beendet.</translation>
    </message>
    <message>
        <source>You can close this window. If the container appears later, destroy it; if the helper does not answer, restart it.</source>
        <translation>Sie können dieses Fenster schließen. Erscheint der Container später, löschen Sie ihn; antwortet der Hilfsdienst nicht, starten Sie ihn neu.</translation>
    </message>
</context>
<context>
    <name>berth::gui::PullPanel</name>
    <message>
        <source>debian:bookworm, registry.example.org/team/app:1.0</source>
        <translation>debian:bookworm, registry.example.org/team/app:1.0</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <source>Cancel Pull</source>
        <translation>Herunterladen abbrechen</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>Type an image name, such as debian:bookworm.</source>
        <translation>Geben Sie einen Image-Namen ein, etwa debian:bookworm.</translation>
    </message>
    <message>
        <source>Pulling &apos;%1&apos;…</source>
        <translation>&apos;%1&apos; wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was pulled and is in the store.</source>
        <translation>&apos;%1&apos; wurde heruntergeladen und ist im Speicher.</translation>
    </message>
    <message>
        <source>The pull of &apos;%1&apos; was cancelled; nothing of it was kept.</source>
        <translation>Das Herunterladen von &apos;%1&apos; wurde abgebrochen; nichts davon wurde behalten.</translation>
    </message>
    <message>
        <source>pull &apos;%1&apos;</source>
        <translation>&apos;%1&apos; herunterladen</translation>
    </message>
</context>
<context>
    <name>berth::gui::ResourcesTab</name>
    <message>
        <source>Memory limit:</source>
        <translation>Speichergrenze:</translation>
    </message>
    <message>
        <source>CPU quota:</source>
        <translation>CPU-Kontingent:</translation>
    </message>
    <message>
        <source>Processes:</source>
        <translation>Prozesse:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses %2 now, more than the new limit of %3. The kernel will reclaim memory and may end processes in it. Lower the limit anyway?</source>
        <translation>„%1“ belegt gerade %2, mehr als die neue Grenze von %3. Der Kernel wird Speicher zurückfordern und kann darin Prozesse beenden. Die Grenze trotzdem senken?</translation>
    </message>
    <message>
        <source>change the limits of &apos;%1&apos;</source>
        <translation>Ändern der Grenzen von „%1“</translation>
    </message>
    <message>
        <source>Memory soft limit:</source>
        <translation>Weiche Speichergrenze:</translation>
    </message>
    <message>
        <source>Swap:</source>
        <translation>Swap:</translation>
    </message>
    <message>
        <source>CPU weight:</source>
        <translation>CPU-Gewichtung:</translation>
    </message>
    <message>
        <source>Disk weight:</source>
        <translation>Datenträger-Gewichtung:</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPUs:</translation>
    </message>
    <message>
        <source>Set in cgroup v1 units: %1.</source>
        <translation>In cgroup-v1-Einheiten gesetzt: %1.</translation>
    </message>
    <message>
        <source>Lower Memory Limit</source>
        <translation>Speichergrenze senken</translation>
    </message>
</context>
<context>
    <name>berth::gui::SearchBar</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>berth::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sampling interval:</source>
        <translation>Abtastintervall:</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Chart window:</source>
        <translation>Diagrammzeitraum:</translation>
    </message>
    <message>
        <source>Default bridge:</source>
        <translation>Standard-Bridge:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>The terminal emulator to run consoles in, for example &quot;konsole -e&quot;. Leave it empty to use the desktop&apos;s terminal.</source>
        <translation>Der Terminalemulator, in dem Konsolen laufen, zum Beispiel „konsole -e“. Leer lassen, um das Terminal der Arbeitsumgebung zu verwenden.</translation>
    </message>
    <message>
        <source>Terminal command:</source>
        <translation>Terminalbefehl:</translation>
    </message>
</context>
<context>
    <name>berth::gui::SharedFoldersBox</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Changes apply at the container&apos;s next start.</source>
        <translation>Änderungen gelten ab dem nächsten Start des Containers.</translation>
    </message>
    <message>
        <source>%1 at %2 (as uid %3)</source>
        <translation>%1 unter %2 (als UID %3)</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>Zu teilender Ordner</translation>
    </message>
    <message>
        <source>Share a folder</source>
        <translation>Ordner teilen</translation>
    </message>
    <message>
        <source>Path inside the container:</source>
        <translation>Pfad im Container:</translation>
    </message>
    <message>
        <source>Your files belong inside to (root, a user of the container, or a number):</source>
        <translation>Ihre Dateien gehören im Container (root, ein Benutzer des Containers oder eine Nummer):</translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>share &apos;%1&apos; with &apos;%2&apos;</source>
        <translation>„%1“ mit „%2“ teilen</translation>
    </message>
    <message>
        <source>stop sharing &apos;%1&apos; with &apos;%2&apos;</source>
        <translation>„%1“ nicht mehr mit „%2“ teilen</translation>
    </message>
</context>
<context>
    <name>berth::gui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>The container below will be created.</source>
        <translation>Der folgende Container wird erstellt.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>the image&apos;s own</source>
        <translation>der eigene des Images</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netzwerk:</translation>
    </message>
    <message>
        <source>none (loopback only)</source>
        <translation>keine (nur Loopback)</translation>
    </message>
    <message>
        <source>Port forwards:</source>
        <translation>Portweiterleitungen:</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>Grenzen:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>Speicher %1</translation>
    </message>
    <message>
        <source>%1 CPU cores</source>
        <translation>%1 CPU-Kerne</translation>
    </message>
    <message>
        <source>%1 processes</source>
        <translation>%1 Prozesse</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>automatic (DHCP/IPAM)</source>
        <translation>automatisch (DHCP/IPAM)</translation>
    </message>
    <message>
        <source>Root inside:</source>
        <translation>root im Container:</translation>
    </message>
    <message>
        <source>root on this computer (privileged; needs an administrator)</source>
        <translation>root auf diesem Rechner (privilegiert; braucht einen Administrator)</translation>
    </message>
    <message>
        <source>an unprivileged user on this computer</source>
        <translation>ein unprivilegierter Benutzer auf diesem Rechner</translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation>Einstiegspunkt:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Working directory:</source>
        <translation>Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
</context>
<context>
    <name>berth::gui::SystemCheckDialog</name>
    <message>
        <source>System Check</source>
        <translation>Systemprüfung</translation>
    </message>
</context>
<context>
    <name>berth::gui::SystemCheckPage</name>
    <message>
        <source>Available</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Limited</source>
        <translation>Eingeschränkt</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Checking the system…</source>
        <translation>Das System wird geprüft…</translation>
    </message>
    <message>
        <source>check the system</source>
        <translation>Prüfen des Systems</translation>
    </message>
    <message>
        <source>Something Berth needs to run containers is missing on this system.</source>
        <translation>Auf diesem System fehlt etwas, das Berth zum Ausführen von Containern braucht.</translation>
    </message>
    <message>
        <source>This system can run containers.</source>
        <translation>Dieses System kann Container ausführen.</translation>
    </message>
    <message>
        <source>%1: %2

%3

Found: %4</source>
        <translation>%1: %2

%3

Gefunden: %4</translation>
    </message>
</context>
<context>
    <name>berth::gui::TaskButton</name>
    <message>
        <source>1 task running</source>
        <translation>1 Aufgabe läuft</translation>
    </message>
    <message>
        <source>%1 tasks running</source>
        <translation>%1 Aufgaben laufen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cancel This Task</source>
        <translation>Diese Aufgabe abbrechen</translation>
    </message>
</context>
<context>
    <name>berth::gui::TaskList</name>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: fertig.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>berth::gui::TemplatePage</name>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Choose what the new container is made from.</source>
        <translation>Wählen Sie, woraus der neue Container erstellt wird.</translation>
    </message>
    <message>
        <source>list the templates</source>
        <translation>Auflisten der Vorlagen</translation>
    </message>
</context>
<context>
    <name>berth::gui::TerminalWidget</name>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>What the container prints; keys typed here go to it. Ctrl+Tab leaves the terminal.</source>
        <translation>Was der Container ausgibt; hier getippte Tasten gehen an ihn. Strg+Tab verlässt das Terminal.</translation>
    </message>
</context>
<context>
    <name>berth::gui::UsageChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>berth::gui::UsageCharts</name>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Soft limit</source>
        <translation>Weiche Grenze</translation>
    </message>
    <message>
        <source>Out-of-memory kill</source>
        <translation>Abbruch wegen Speichermangel</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation>
            <numerusform>Letzte %n Minute</numerusform>
            <numerusform>Letzte %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>CPU (100 % = one core)</source>
        <translation>CPU (100 % = ein Kern)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>berth::gui::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;No containers yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Container&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Berth runs Linux containers on this computer: whole systems such as Debian or Ubuntu that boot their own init, or a single application. Each container can have its own network address, and you decide how much memory and CPU it may use — and change that while it runs.&lt;br&gt;&lt;br&gt;Start with a container from a template: Berth downloads or builds its files, and you can open a terminal in it as soon as it runs.</source>
        <translation>Berth betreibt Linux-Container auf diesem Rechner: ganze Systeme wie Debian oder Ubuntu, die ihr eigenes Init starten, oder eine einzelne Anwendung. Jeder Container kann eine eigene Netzwerkadresse haben, und Sie bestimmen, wie viel Speicher und CPU er nutzen darf — und ändern das, während er läuft.&lt;br&gt;&lt;br&gt;Beginnen Sie mit einem Container aus einer Vorlage: Berth lädt oder baut seine Dateien, und sobald er läuft, können Sie darin ein Terminal öffnen.</translation>
    </message>
    <message>
        <source>Create your first container…</source>
        <translation>Ihren ersten Container erstellen…</translation>
    </message>
    <message>
        <source>Bridges (private networks for your containers) are in Network → Networks…; the manual is in Help.</source>
        <translation>Bridges (private Netzwerke für Ihre Container) finden Sie unter Netzwerk → Netzwerke…; das Handbuch unter Hilfe.</translation>
    </message>
</context>
<context>
    <name>berth::model</name>
    <message>
        <source>PID namespace</source>
        <translation>PID-Namensraum</translation>
    </message>
    <message>
        <source>Containers get their own process tree: PIDs inside start at 1.</source>
        <translation>Container erhalten einen eigenen Prozessbaum: Die PIDs darin beginnen bei 1.</translation>
    </message>
    <message>
        <source>Mount namespace</source>
        <translation>Mount-Namensraum</translation>
    </message>
    <message>
        <source>Containers see their own file system tree and cannot change the host&apos;s mounts.</source>
        <translation>Container sehen einen eigenen Dateisystembaum und können die Einhängungen des Hosts nicht ändern.</translation>
    </message>
    <message>
        <source>UTS namespace</source>
        <translation>UTS-Namensraum</translation>
    </message>
    <message>
        <source>Containers can have a host name of their own.</source>
        <translation>Container können einen eigenen Hostnamen haben.</translation>
    </message>
    <message>
        <source>IPC namespace</source>
        <translation>IPC-Namensraum</translation>
    </message>
    <message>
        <source>Containers get their own shared memory and message queues, apart from the host&apos;s.</source>
        <translation>Container erhalten eigenen gemeinsamen Speicher und eigene Nachrichtenwarteschlangen, getrennt von denen des Hosts.</translation>
    </message>
    <message>
        <source>Network namespace</source>
        <translation>Netzwerk-Namensraum</translation>
    </message>
    <message>
        <source>Containers get their own network interfaces, addresses and routes.</source>
        <translation>Container erhalten eigene Netzwerkschnittstellen, Adressen und Routen.</translation>
    </message>
    <message>
        <source>Cgroup namespace</source>
        <translation>Cgroup-Namensraum</translation>
    </message>
    <message>
        <source>Containers see their own control group as the root, which systemd inside a container needs.</source>
        <translation>Container sehen ihre eigene Kontrollgruppe als Wurzel, was systemd in einem Container braucht.</translation>
    </message>
    <message>
        <source>User namespace</source>
        <translation>Benutzer-Namensraum</translation>
    </message>
    <message>
        <source>Root inside a container can be an ordinary user on the host; unprivileged containers need this.</source>
        <translation>Root in einem Container kann auf dem Host ein gewöhnlicher Benutzer sein; unprivilegierte Container brauchen das.</translation>
    </message>
    <message>
        <source>Berth&apos;s ID range</source>
        <translation>Berths ID-Bereich</translation>
    </message>
    <message>
        <source>Each unprivileged container gets 65536 user and group IDs of its own from this range (/etc/subuid, /etc/subgid).</source>
        <translation>Jeder unprivilegierte Container erhält aus diesem Bereich 65536 eigene Benutzer- und Gruppen-IDs (/etc/subuid, /etc/subgid).</translation>
    </message>
    <message>
        <source>Root file system owners</source>
        <translation>Eigentümer des Wurzeldateisystems</translation>
    </message>
    <message>
        <source>With idmapped mounts, containers share template files unchanged; without them, each new rootfs is chowned into its container&apos;s IDs once.</source>
        <translation>Mit ID-gemappten Einhängungen teilen Container die Dateien der Vorlagen unverändert; ohne sie erhält jedes neue Wurzeldateisystem einmal per chown die IDs seines Containers.</translation>
    </message>
    <message>
        <source>Mapped user namespaces</source>
        <translation>Gemappte Benutzernamensräume</translation>
    </message>
    <message>
        <source>Berth runs each unprivileged container in a user namespace that maps its root to an ordinary host ID.</source>
        <translation>Berth führt jeden unprivilegierten Container in einem Benutzernamensraum aus, der seinen root auf eine gewöhnliche Host-ID abbildet.</translation>
    </message>
    <message>
        <source>Control group version</source>
        <translation>Version der Kontrollgruppen</translation>
    </message>
    <message>
        <source>Berth limits memory, CPU and processes through control groups; version 1, version 2 and hybrid hosts all work.</source>
        <translation>Berth begrenzt Speicher, CPU und Prozesse über Kontrollgruppen; Hosts mit Version 1, mit Version 2 und hybride Hosts funktionieren alle.</translation>
    </message>
    <message>
        <source>CPU controller</source>
        <translation>CPU-Controller</translation>
    </message>
    <message>
        <source>Sets a container&apos;s CPU weight and quota.</source>
        <translation>Legt die CPU-Gewichtung und das CPU-Kontingent eines Containers fest.</translation>
    </message>
    <message>
        <source>CPU accounting</source>
        <translation>CPU-Zeiterfassung</translation>
    </message>
    <message>
        <source>Measures how much CPU time a container uses.</source>
        <translation>Misst, wie viel CPU-Zeit ein Container verbraucht.</translation>
    </message>
    <message>
        <source>CPU set controller</source>
        <translation>CPU-Set-Controller</translation>
    </message>
    <message>
        <source>Pins a container to chosen CPUs and memory nodes.</source>
        <translation>Bindet einen Container an ausgewählte CPUs und Speicherknoten.</translation>
    </message>
    <message>
        <source>Memory controller</source>
        <translation>Speicher-Controller</translation>
    </message>
    <message>
        <source>Limits a container&apos;s memory and reports how much it uses.</source>
        <translation>Begrenzt den Speicher eines Containers und meldet, wie viel er verbraucht.</translation>
    </message>
    <message>
        <source>Process count controller</source>
        <translation>Prozessanzahl-Controller</translation>
    </message>
    <message>
        <source>Caps how many processes a container may run, which stops fork bombs.</source>
        <translation>Begrenzt, wie viele Prozesse ein Container ausführen darf, und stoppt so Fork-Bomben.</translation>
    </message>
    <message>
        <source>Block IO controller</source>
        <translation>Block-IO-Controller</translation>
    </message>
    <message>
        <source>Sets a container&apos;s disk weight and bandwidth limits.</source>
        <translation>Legt die Datenträger-Gewichtung und die Bandbreitengrenzen eines Containers fest.</translation>
    </message>
    <message>
        <source>Freezer</source>
        <translation>Freezer</translation>
    </message>
    <message>
        <source>Lets a container be paused and resumed.</source>
        <translation>Lässt einen Container einfrieren und wieder auftauen.</translation>
    </message>
    <message>
        <source>Device controller</source>
        <translation>Geräte-Controller</translation>
    </message>
    <message>
        <source>Keeps a container from opening host devices it was not given.</source>
        <translation>Hindert einen Container daran, Geräte des Hosts zu öffnen, die ihm nicht zugewiesen wurden.</translation>
    </message>
    <message>
        <source>Swap accounting</source>
        <translation>Swap-Erfassung</translation>
    </message>
    <message>
        <source>Lets a container&apos;s swap use be limited, not only its memory.</source>
        <translation>Ermöglicht es, die Swap-Nutzung eines Containers zu begrenzen, nicht nur seinen Speicher.</translation>
    </message>
    <message>
        <source>Device control method</source>
        <translation>Methode der Gerätekontrolle</translation>
    </message>
    <message>
        <source>How the kernel is told which devices each container may open: the cgroup v1 devices controller or a cgroup v2 BPF program.</source>
        <translation>Wie dem Kernel gesagt wird, welche Geräte jeder Container öffnen darf: der devices-Controller von cgroup v1 oder ein BPF-Programm von cgroup v2.</translation>
    </message>
    <message>
        <source>Cgroup delegation</source>
        <translation>Cgroup-Delegation</translation>
    </message>
    <message>
        <source>Where each container&apos;s control group comes from (Berth&apos;s own parent or a systemd scope) and which of its files an unprivileged container&apos;s root may write.</source>
        <translation>Woher die Control Group jedes Containers kommt (Berths eigene übergeordnete Gruppe oder ein systemd-Scope) und welche ihrer Dateien root eines unprivilegierten Containers schreiben darf.</translation>
    </message>
    <message>
        <source>Virtual Ethernet pairs (veth)</source>
        <translation>Virtuelle Ethernet-Paare (veth)</translation>
    </message>
    <message>
        <source>Connects a container&apos;s network to the host or to a bridge.</source>
        <translation>Verbindet das Netzwerk eines Containers mit dem Host oder mit einer Bridge.</translation>
    </message>
    <message>
        <source>Network bridges</source>
        <translation>Netzwerk-Bridges</translation>
    </message>
    <message>
        <source>Joins containers and the host into one local network.</source>
        <translation>Verbindet Container und den Host zu einem gemeinsamen lokalen Netzwerk.</translation>
    </message>
    <message>
        <source>MACVLAN</source>
        <translation>MACVLAN</translation>
    </message>
    <message>
        <source>Gives a container an address of its own directly on a host network card.</source>
        <translation>Gibt einem Container eine eigene Adresse direkt auf einer Netzwerkkarte des Hosts.</translation>
    </message>
    <message>
        <source>VLAN (802.1Q)</source>
        <translation>VLAN (802.1Q)</translation>
    </message>
    <message>
        <source>Puts a container on a tagged virtual LAN.</source>
        <translation>Verbindet einen Container mit einem getaggten virtuellen LAN.</translation>
    </message>
    <message>
        <source>OverlayFS</source>
        <translation>OverlayFS</translation>
    </message>
    <message>
        <source>Makes quick clones that share the original&apos;s files and store only the changes.</source>
        <translation>Ermöglicht schnelle Klone, die die Dateien des Originals mitbenutzen und nur die Änderungen speichern.</translation>
    </message>
    <message>
        <source>tmpfs</source>
        <translation>tmpfs</translation>
    </message>
    <message>
        <source>Memory-backed file systems for a container&apos;s /dev, /run and /dev/shm.</source>
        <translation>Dateisysteme im Arbeitsspeicher für /dev, /run und /dev/shm eines Containers.</translation>
    </message>
    <message>
        <source>devpts</source>
        <translation>devpts</translation>
    </message>
    <message>
        <source>Gives each container terminals of its own.</source>
        <translation>Gibt jedem Container eigene Terminals.</translation>
    </message>
    <message>
        <source>Seccomp</source>
        <translation>Seccomp</translation>
    </message>
    <message>
        <source>Blocks dangerous system calls inside containers.</source>
        <translation>Blockiert gefährliche Systemaufrufe in Containern.</translation>
    </message>
    <message>
        <source>No new privileges</source>
        <translation>Keine neuen Privilegien</translation>
    </message>
    <message>
        <source>Keeps programs in a container from gaining privileges through setuid files.</source>
        <translation>Hindert Programme in einem Container daran, über setuid-Dateien Privilegien zu erlangen.</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Lets a container keep only the parts of root&apos;s power it needs.</source>
        <translation>Lässt einem Container nur die Teile der Root-Rechte, die er braucht.</translation>
    </message>
    <message>
        <source>nftables</source>
        <translation>nftables</translation>
    </message>
    <message>
        <source>Provides address translation and port forwarding for container networks.</source>
        <translation>Stellt Adressumsetzung und Portweiterleitungen für Containernetzwerke bereit.</translation>
    </message>
    <message>
        <source>dnsmasq</source>
        <translation>dnsmasq</translation>
    </message>
    <message>
        <source>Hands out addresses (DHCP) and names (DNS) on container bridges.</source>
        <translation>Vergibt Adressen (DHCP) und Namen (DNS) auf den Bridges der Container.</translation>
    </message>
    <message>
        <source>debootstrap</source>
        <translation>debootstrap</translation>
    </message>
    <message>
        <source>Builds Debian and Ubuntu containers.</source>
        <translation>Erstellt Debian- und Ubuntu-Container.</translation>
    </message>
    <message>
        <source>BusyBox (static)</source>
        <translation>BusyBox (statisch)</translation>
    </message>
    <message>
        <source>Builds small BusyBox containers from the host&apos;s statically linked busybox.</source>
        <translation>Erstellt kleine BusyBox-Container aus dem statisch gelinkten busybox des Hosts.</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namensräume</translation>
    </message>
    <message>
        <source>User namespaces</source>
        <translation>Benutzernamensräume</translation>
    </message>
    <message>
        <source>Control groups</source>
        <translation>Kontrollgruppen</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>File systems</source>
        <translation>Dateisysteme</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>BusyBox</source>
        <translation>BusyBox</translation>
    </message>
    <message>
        <source>A tiny system from the host&apos;s busybox-static, created instantly</source>
        <translation>Ein winziges System aus busybox-static des Hosts, sofort erstellt</translation>
    </message>
    <message>
        <source>Debian</source>
        <translation>Debian</translation>
    </message>
    <message>
        <source>Debian installed with debootstrap and cached for the next container</source>
        <translation>Debian, mit debootstrap installiert und für den nächsten Container zwischengespeichert</translation>
    </message>
    <message>
        <source>Ubuntu</source>
        <translation>Ubuntu</translation>
    </message>
    <message>
        <source>Ubuntu installed with debootstrap and cached for the next container</source>
        <translation>Ubuntu, mit debootstrap installiert und für den nächsten Container zwischengespeichert</translation>
    </message>
    <message>
        <source>Root filesystem archive</source>
        <translation>Archiv mit Wurzeldateisystem</translation>
    </message>
    <message>
        <source>A root filesystem from a tar archive (tar, tar.gz, tar.xz, tar.zst)</source>
        <translation>Ein Wurzeldateisystem aus einem tar-Archiv (tar, tar.gz, tar.xz, tar.zst)</translation>
    </message>
    <message>
        <source>OCI image</source>
        <translation>OCI-Image</translation>
    </message>
    <message>
        <source>An application container from an OCI image layout or a &apos;docker save&apos; archive</source>
        <translation>Ein Anwendungscontainer aus einem OCI-Image-Layout oder einem &apos;docker save&apos;-Archiv</translation>
    </message>
    <message>
        <source>From an image</source>
        <translation>Aus einem Image</translation>
    </message>
    <message>
        <source>An application container from an image of a registry (debian:bookworm, registry.example.com/team/app:1.0), pulled when it is not here yet; its layers are shared with every container of the image</source>
        <translation>Ein Anwendungscontainer aus einem Image einer Registry (debian:bookworm, registry.example.com/team/app:1.0), das geladen wird, wenn es noch nicht hier ist; seine Schichten teilen sich alle Container dieses Images</translation>
    </message>
    <message>
        <source>The image&apos;s name ([REGISTRY/]REPOSITORY[:TAG|@DIGEST]); a short name such as &apos;debian&apos; is looked up as Docker does</source>
        <translation>Der Name des Images ([REGISTRY/]REPOSITORY[:TAG|@DIGEST]); ein Kurzname wie &apos;debian&apos; wird wie bei Docker aufgelöst</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>Klon</translation>
    </message>
    <message>
        <source>A copy or a snapshot of an existing stopped container</source>
        <translation>Eine Kopie oder ein Schnappschuss eines bestehenden gestoppten Containers</translation>
    </message>
    <message>
        <source>Import from LXC</source>
        <translation>Aus LXC importieren</translation>
    </message>
    <message>
        <source>An existing LXC container&apos;s directory (config and rootfs), converted; the original is left untouched</source>
        <translation>Das Verzeichnis eines bestehenden LXC-Containers (Konfiguration und Wurzeldateisystem), umgewandelt; das Original bleibt unverändert</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>The release to install</source>
        <translation>Das zu installierende Release</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>minbase: essential packages and apt only; default: also the &apos;important&apos; priority</source>
        <translation>minbase: nur essenzielle Pakete und apt; default: auch die Priorität &apos;important&apos;</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Spiegelserver</translation>
    </message>
    <message>
        <source>The http or https URL of the archive to install from</source>
        <translation>Die http- oder https-URL des Archivs, aus dem installiert wird</translation>
    </message>
    <message>
        <source>Extra packages</source>
        <translation>Zusätzliche Pakete</translation>
    </message>
    <message>
        <source>Packages to install as well, separated by commas or spaces</source>
        <translation>Zusätzlich zu installierende Pakete, durch Kommas oder Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>Root password</source>
        <translation>Root-Passwort</translation>
    </message>
    <message>
        <source>The root account&apos;s password; empty leaves root without one (console login disabled)</source>
        <translation>Das Passwort des Root-Kontos; leer lässt Root ohne Passwort (Anmeldung an der Konsole deaktiviert)</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Schnappschuss</translation>
    </message>
    <message>
        <source>Make the root filesystem an overlayfs snapshot of the cached installation (instant, shares unchanged files) instead of a full copy</source>
        <translation>Das Wurzeldateisystem als overlayfs-Schnappschuss der zwischengespeicherten Installation anlegen (sofort, teilt unveränderte Dateien) statt als vollständige Kopie</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>The archive holding the root filesystem</source>
        <translation>Das Archiv mit dem Wurzeldateisystem</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>An OCI image layout directory or a &apos;docker save&apos; archive</source>
        <translation>Ein OCI-Image-Layout-Verzeichnis oder ein &apos;docker save&apos;-Archiv</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Which image of the archive to use (its tag), when it holds several</source>
        <translation>Welches Image des Archivs verwendet wird (sein Tag), wenn es mehrere enthält</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>The stopped container to clone</source>
        <translation>Der gestoppte Container, der geklont wird</translation>
    </message>
    <message>
        <source>Make the root filesystem an overlayfs snapshot of the source (instant, shares unchanged files) instead of a full copy</source>
        <translation>Das Wurzeldateisystem als overlayfs-Schnappschuss der Quelle anlegen (sofort, teilt unveränderte Dateien) statt als vollständige Kopie</translation>
    </message>
    <message>
        <source>LXC container directory</source>
        <translation>LXC-Containerverzeichnis</translation>
    </message>
    <message>
        <source>The container&apos;s directory, such as /var/lib/lxc/NAME</source>
        <translation>Das Verzeichnis des Containers, etwa /var/lib/lxc/NAME</translation>
    </message>
</context>
<context>
    <name>berthctl</name>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Edit again? [Y/n] </source>
        <translation>Erneut bearbeiten? [J/n] </translation>
    </message>
    <message>
        <source>cannot write a temporary file: %1</source>
        <translation>temporäre Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>the editor failed; the config is unchanged</source>
        <translation>der Editor ist fehlgeschlagen; die Konfiguration bleibt unverändert</translation>
    </message>
    <message>
        <source>No changes.
</source>
        <translation>Keine Änderungen.
</translation>
    </message>
    <message>
        <source>Show, replace or edit a container&apos;s config (LXC key = value text). &apos;edit&apos; runs $VISUAL or $EDITOR on a copy and opens it again when the helper refuses it.</source>
        <translation>Zeigt die Konfiguration eines Containers an (LXC-Text aus key = value), ersetzt oder bearbeitet sie. &apos;edit&apos; öffnet eine Kopie mit $VISUAL oder $EDITOR und öffnet sie erneut, wenn der Hilfsdienst sie ablehnt.</translation>
    </message>
    <message>
        <source>config: expected &apos;get&apos;, &apos;set FILE&apos; or &apos;edit&apos;</source>
        <translation>config: &apos;get&apos;, &apos;set FILE&apos; oder &apos;edit&apos; erwartet</translation>
    </message>
    <message>
        <source>Change resource limits (live when running, and in the config); without options, show them.</source>
        <translation>Ändert Ressourcengrenzen (sofort, wenn der Container läuft, und in der Konfiguration); ohne Optionen werden sie angezeigt.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Als JSON ausgeben.</translation>
    </message>
    <message>
        <source>List containers.</source>
        <translation>Listet die Container auf.</translation>
    </message>
    <message>
        <source>Print only the names, one a line.</source>
        <translation>Nur die Namen ausgeben, einen pro Zeile.</translation>
    </message>
    <message>
        <source>Show one container.</source>
        <translation>Zeigt einen Container an.</translation>
    </message>
    <message>
        <source>Freeze every process of a running container.</source>
        <translation>Friert alle Prozesse eines laufenden Containers ein.</translation>
    </message>
    <message>
        <source>Thaw a frozen container.</source>
        <translation>Taut einen eingefrorenen Container auf.</translation>
    </message>
    <message>
        <source>Stop a container: its halt signal, then SIGKILL after the timeout.</source>
        <translation>Stoppt einen Container: zuerst mit seinem Haltesignal, nach Ablauf der Wartezeit mit SIGKILL.</translation>
    </message>
    <message>
        <source>Seconds before SIGKILL (0-3600, default 10).</source>
        <translation>Sekunden bis SIGKILL (0-3600, Standard 10).</translation>
    </message>
    <message>
        <source>Send a signal to the container&apos;s init.</source>
        <translation>Sendet ein Signal an den Init-Prozess des Containers.</translation>
    </message>
    <message>
        <source>Name or number (default KILL).</source>
        <translation>Name oder Nummer (Standard KILL).</translation>
    </message>
    <message>
        <source>Remove a container and its root filesystem.</source>
        <translation>Entfernt einen Container und sein Wurzeldateisystem.</translation>
    </message>
    <message>
        <source>Stop it first if it runs.</source>
        <translation>Vorher stoppen, falls er läuft.</translation>
    </message>
    <message>
        <source>A template option (see &apos;berthctl template list&apos;).</source>
        <translation>Eine Option der Vorlage (siehe &apos;berthctl template list&apos;).</translation>
    </message>
    <message>
        <source>Input for the template (tarball, OCI archive or layout, LXC container directory; - is stdin).</source>
        <translation>Eingabe für die Vorlage (Tarball, OCI-Archiv oder -Layout, LXC-Containerverzeichnis; - ist die Standardeingabe).</translation>
    </message>
    <message>
        <source>The template (see &apos;berthctl template list&apos;).</source>
        <translation>Die Vorlage (siehe &apos;berthctl template list&apos;).</translation>
    </message>
    <message>
        <source>An application container running COMMAND.</source>
        <translation>Ein Anwendungscontainer, der COMMAND ausführt.</translation>
    </message>
    <message>
        <source>A system container (its own init).</source>
        <translation>Ein Systemcontainer (mit eigenem Init).</translation>
    </message>
    <message>
        <source>Pass stdin to the console.</source>
        <translation>Die Standardeingabe an die Konsole weitergeben.</translation>
    </message>
    <message>
        <source>Start it and print its name.</source>
        <translation>Ihn starten und seinen Namen ausgeben.</translation>
    </message>
    <message>
        <source>The container&apos;s name.</source>
        <translation>Der Name des Containers.</translation>
    </message>
    <message>
        <source>Run a command in a running container. With a terminal on stdin it gets a new pty, otherwise berthctl&apos;s own stdin, stdout and stderr. The exit status is the command&apos;s.</source>
        <translation>Führt einen Befehl in einem laufenden Container aus. Ist die Standardeingabe ein Terminal, erhält er ein neues Pty, sonst die Standardeingabe, -ausgabe und -fehlerausgabe von berthctl. Der Exit-Status ist der des Befehls.</translation>
    </message>
    <message>
        <source>Add an environment variable.</source>
        <translation>Eine Umgebungsvariable hinzufügen.</translation>
    </message>
    <message>
        <source>Working directory (default /).</source>
        <translation>Arbeitsverzeichnis (Standard /).</translation>
    </message>
    <message>
        <source>Never allocate a pty.</source>
        <translation>Nie ein Pty zuweisen.</translation>
    </message>
    <message>
        <source>exec: no command given (berthctl exec NAME -- COMMAND)</source>
        <translation>exec: kein Befehl angegeben (berthctl exec NAME -- COMMAND)</translation>
    </message>
    <message>
        <source>Connected to %1&apos;s console; Ctrl-a q detaches.<byte value="xd"/>
</source>
        <translation>Mit der Konsole von %1 verbunden; Strg-a q trennt die Verbindung.<byte value="xd"/>
</translation>
    </message>
    <message>
        <source>Attach to a running container&apos;s console. Ctrl-a q detaches (Ctrl-a Ctrl-a sends Ctrl-a).</source>
        <translation>Verbindet sich mit der Konsole eines laufenden Containers. Strg-a q trennt die Verbindung (Strg-a Strg-a sendet Strg-a).</translation>
    </message>
    <message>
        <source>0 for /dev/console (default), else ttyN.</source>
        <translation>0 für /dev/console (Standard), sonst ttyN.</translation>
    </message>
    <message>
        <source>List templates with their options, types and defaults.</source>
        <translation>Listet die Vorlagen mit ihren Optionen, Typen und Standardwerten auf.</translation>
    </message>
    <message>
        <source>template: unknown action &apos;%1&apos; (expected &apos;list&apos;)</source>
        <translation>template: unbekannte Aktion &apos;%1&apos; (&apos;list&apos; erwartet)</translation>
    </message>
    <message>
        <source>What this host offers containers (as lxc-checkconfig). Exits 1 when something is missing.</source>
        <translation>Zeigt, was dieser Rechner Containern bietet (wie lxc-checkconfig). Endet mit 1, wenn etwas fehlt.</translation>
    </message>
    <message>
        <source>export: refusing to write a tarball to a terminal</source>
        <translation>export: ein Tarball wird nicht auf ein Terminal geschrieben</translation>
    </message>
    <message>
        <source>cannot create &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>The bridge&apos;s address, e.g. 10.0.3.1/24 (default: a free subnet).</source>
        <translation>Adresse der Bridge, z. B. 10.0.3.1/24 (Standard: ein freies Subnetz).</translation>
    </message>
    <message>
        <source>DHCP range (default .2-.199).</source>
        <translation>DHCP-Bereich (Standard .2-.199).</translation>
    </message>
    <message>
        <source>Do not masquerade traffic leaving the subnet.</source>
        <translation>Verkehr, der das Subnetz verlässt, nicht maskieren (kein Masquerading).</translation>
    </message>
    <message>
        <source>DNS domain (default berth).</source>
        <translation>DNS-Domain (Standard berth).</translation>
    </message>
    <message>
        <source>MTU, 68-65535 (default: the kernel&apos;s).</source>
        <translation>MTU, 68-65535 (Standard: die des Kernels).</translation>
    </message>
    <message>
        <source>delete: even when configs name it.</source>
        <translation>delete: auch wenn Konfigurationen sie noch nennen.</translation>
    </message>
    <message>
        <source>list: print JSON.</source>
        <translation>list: als JSON ausgeben.</translation>
    </message>
    <message>
        <source>bridge %1: a bridge name is needed</source>
        <translation>bridge %1: ein Bridge-Name wird benötigt</translation>
    </message>
    <message>
        <source>bridge: unknown action &apos;%1&apos;</source>
        <translation>bridge: unbekannte Aktion &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A container&apos;s port forwards; SPEC is PROTO:[HOSTADDR:]HOSTPORT:PORT, e.g. tcp:8080:80.</source>
        <translation>Portweiterleitungen eines Containers; SPEC ist PROTO:[HOSTADDR:]HOSTPORT:PORT, z. B. tcp:8080:80.</translation>
    </message>
    <message>
        <source>forward %1: NAME and SPEC are needed</source>
        <translation>forward %1: NAME und SPEC werden benötigt</translation>
    </message>
    <message>
        <source>forward: unknown action &apos;%1&apos;</source>
        <translation>forward: unbekannte Aktion &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Resource use of running containers.</source>
        <translation>Ressourcennutzung laufender Container.</translation>
    </message>
    <message>
        <source>Refresh until interrupted.</source>
        <translation>Fortlaufend aktualisieren, bis zur Unterbrechung.</translation>
    </message>
    <message>
        <source>Refresh interval (default 2).</source>
        <translation>Aktualisierungsintervall (Standard 2).</translation>
    </message>
    <message>
        <source>Print JSON (one array per refresh).</source>
        <translation>Als JSON ausgeben (ein Array pro Aktualisierung).</translation>
    </message>
    <message>
        <source>Usage: berthctl %1 %2</source>
        <translation>Aufruf: berthctl %1 %2</translation>
    </message>
    <message>
        <source>Usage: berthctl %1 %2
</source>
        <translation>Aufruf: berthctl %1 %2
</translation>
    </message>
    <message>
        <source>Try &apos;berthctl %1 --help&apos;.
</source>
        <translation>Mehr dazu mit &apos;berthctl %1 --help&apos;.
</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Memory limit (512M, 1.5G, max).</source>
        <translation>Speichergrenze (512M, 1.5G, max).</translation>
    </message>
    <message>
        <source>Memory throttling threshold.</source>
        <translation>Schwelle, ab der der Speicher gedrosselt wird.</translation>
    </message>
    <message>
        <source>Swap limit.</source>
        <translation>Swap-Grenze.</translation>
    </message>
    <message>
        <source>CPU quota in cores (1.5, max).</source>
        <translation>CPU-Kontingent in Kernen (1.5, max).</translation>
    </message>
    <message>
        <source>CPU weight, 1-10000.</source>
        <translation>CPU-Gewichtung, 1-10000.</translation>
    </message>
    <message>
        <source>CPUs it may run on (0-1,3).</source>
        <translation>CPUs, auf denen er laufen darf (0-1,3).</translation>
    </message>
    <message>
        <source>Maximum number of processes (or max).</source>
        <translation>Höchstzahl der Prozesse (oder max).</translation>
    </message>
    <message>
        <source>IO weight, 1-10000.</source>
        <translation>IO-Gewichtung, 1-10000.</translation>
    </message>
    <message>
        <source>invalid CPU list &apos;%1&apos; (example: 0-1,3)</source>
        <translation>ungültige CPU-Liste &apos;%1&apos; (Beispiel: 0-1,3)</translation>
    </message>
    <message>
        <source>unknown limit &apos;%1&apos;</source>
        <translation>unbekannte Grenze &apos;%1&apos;</translation>
    </message>
    <message>
        <source>List containers</source>
        <translation>Container auflisten</translation>
    </message>
    <message>
        <source>Show one container</source>
        <translation>Einen Container anzeigen</translation>
    </message>
    <message>
        <source>Create a container from a template</source>
        <translation>Container aus einer Vorlage erstellen</translation>
    </message>
    <message>
        <source>Start a container</source>
        <translation>Container starten</translation>
    </message>
    <message>
        <source>Stop a container</source>
        <translation>Container stoppen</translation>
    </message>
    <message>
        <source>Send a signal to a container&apos;s init</source>
        <translation>Signal an den Init-Prozess eines Containers senden</translation>
    </message>
    <message>
        <source>Freeze a container</source>
        <translation>Container einfrieren</translation>
    </message>
    <message>
        <source>Thaw a frozen container</source>
        <translation>Eingefrorenen Container auftauen</translation>
    </message>
    <message>
        <source>Run a command in a running container</source>
        <translation>Befehl in einem laufenden Container ausführen</translation>
    </message>
    <message>
        <source>Attach to a container&apos;s console</source>
        <translation>Mit der Konsole eines Containers verbinden</translation>
    </message>
    <message>
        <source>Remove a container</source>
        <translation>Container entfernen</translation>
    </message>
    <message>
        <source>Show, set or edit a container&apos;s config</source>
        <translation>Konfiguration eines Containers anzeigen, setzen oder bearbeiten</translation>
    </message>
    <message>
        <source>Show or change resource limits</source>
        <translation>Ressourcengrenzen anzeigen oder ändern</translation>
    </message>
    <message>
        <source>Resource use of running containers</source>
        <translation>Ressourcennutzung laufender Container</translation>
    </message>
    <message>
        <source>List, create, change or delete bridges</source>
        <translation>Bridges auflisten, erstellen, ändern oder löschen</translation>
    </message>
    <message>
        <source>List, add or remove port forwards</source>
        <translation>Portweiterleitungen auflisten, hinzufügen oder entfernen</translation>
    </message>
    <message>
        <source>List templates and their options</source>
        <translation>Vorlagen und ihre Optionen auflisten</translation>
    </message>
    <message>
        <source>Check what the host offers containers</source>
        <translation>Prüfen, was der Rechner Containern bietet</translation>
    </message>
    <message>
        <source>Create, start and attach an application container</source>
        <translation>Anwendungscontainer erstellen, starten und mit ihm verbinden</translation>
    </message>
    <message>
        <source>Usage: berthctl COMMAND [ARGS...]

Manage Berth containers through the berth-helper service.
The bus is the system bus, or BERTH_BUS_ADDRESS when set.

Commands:
</source>
        <translation>Aufruf: berthctl COMMAND [ARGS...]

Verwaltet Berth-Container über den Dienst berth-helper.
Der Bus ist der Systembus oder BERTH_BUS_ADDRESS, falls gesetzt.

Befehle:
</translation>
    </message>
    <message>
        <source>
&apos;berthctl COMMAND --help&apos; describes a command.

</source>
        <translation>
&apos;berthctl COMMAND --help&apos; beschreibt einen Befehl.

</translation>
    </message>
    <message>
        <source>berthctl: unknown command &apos;%1&apos;; see &apos;berthctl --help&apos;.
</source>
        <translation>berthctl: unbekannter Befehl &apos;%1&apos;; siehe &apos;berthctl --help&apos;.
</translation>
    </message>
    <message>
        <source>cannot reach the Berth helper (org.berth.Berth1): %1</source>
        <translation>der Berth-Hilfsdienst (org.berth.Berth1) ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>not authorized</source>
        <translation>nicht berechtigt</translation>
    </message>
    <message>
        <source>
Cancelling...
</source>
        <translation>
Wird abgebrochen …
</translation>
    </message>
    <message>
        <source>invalid size &apos;%1&apos; (examples: 512M, 1.5G, 4096)</source>
        <translation>ungültige Größe &apos;%1&apos; (Beispiele: 512M, 1.5G, 4096)</translation>
    </message>
    <message>
        <source>invalid CPU count &apos;%1&apos; (a number of cores such as 1.5, or max)</source>
        <translation>ungültige CPU-Anzahl &apos;%1&apos; (eine Anzahl Kerne wie 1.5 oder max)</translation>
    </message>
    <message>
        <source>invalid signal &apos;%1&apos; (a name such as TERM or a number 1-64)</source>
        <translation>ungültiges Signal &apos;%1&apos; (ein Name wie TERM oder eine Nummer 1-64)</translation>
    </message>
    <message>
        <source>expected key=value, got &apos;%1&apos;</source>
        <translation>key=value erwartet, aber &apos;%1&apos; erhalten</translation>
    </message>
    <message>
        <source>invalid number &apos;%1&apos; (expected %2 to %3)</source>
        <translation>ungültige Zahl &apos;%1&apos; (erwartet: %2 bis %3)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>VORLAGE</translation>
    </message>
    <message>
        <source>ADDRESSES</source>
        <translation>ADRESSEN</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>PID:</source>
        <translation>PID:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <source>Autostart:</source>
        <translation>Autostart:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Last exit code:</source>
        <translation>Letzter Exit-Code:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <source>Limit %1:</source>
        <translation>Grenze %1:</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>Standard %1</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>eines von %1</translation>
    </message>
    <message>
        <source>CPU%</source>
        <translation>CPU%</translation>
    </message>
    <message>
        <source>CPU TIME</source>
        <translation>CPU-ZEIT</translation>
    </message>
    <message>
        <source>MEMORY / LIMIT</source>
        <translation>SPEICHER / GRENZE</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>PIDS</translation>
    </message>
    <message>
        <source>IO READ / WRITE</source>
        <translation>IO LESEN / SCHREIBEN</translation>
    </message>
    <message>
        <source>NET RX / TX</source>
        <translation>NETZ RX / TX</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>down</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>DHCP RANGE</source>
        <translation>DHCP-BEREICH</translation>
    </message>
    <message>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <source>LINK</source>
        <translation>LINK</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>CONTAINER</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>PRÜFUNG</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <source>LIMIT</source>
        <translation>GRENZE</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>Print what the container&apos;s consoles have printed, across its runs.</source>
        <translation>Gibt aus, was die Konsolen des Containers ausgegeben haben, über alle seine Läufe hinweg.</translation>
    </message>
    <message>
        <source>Keep printing while it runs; the exit status is then its command&apos;s.</source>
        <translation>Weiter ausgeben, solange der Container läuft; der Exit-Status ist dann der seines Befehls.</translation>
    </message>
    <message>
        <source>Print a container&apos;s console log</source>
        <translation>Konsolenprotokoll eines Containers ausgeben</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>REIHENFOLGE</translation>
    </message>
    <message>
        <source>DELAY</source>
        <translation>VERZÖGERUNG</translation>
    </message>
    <message>
        <source>WAITS FOR</source>
        <translation>WARTET AUF</translation>
    </message>
    <message>
        <source>berthctl autostart: %1
</source>
        <translation>berthctl autostart: %1
</translation>
    </message>
    <message>
        <source>cannot watch network links: %1</source>
        <translation>Netzwerkschnittstellen können nicht beobachtet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n second(s) before the next start.
</source>
        <translation>
            <numerusform>Warte %n Sekunde bis zum nächsten Start.
</numerusform>
            <numerusform>Warte %n Sekunden bis zum nächsten Start.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1 before starting &apos;%2&apos;.
</source>
        <translation>Warte auf %1, bevor &apos;%2&apos; gestartet wird.
</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not started: %2</source>
        <translation>&apos;%1&apos; wurde nicht gestartet: %2</translation>
    </message>
    <message>
        <source>Skipping &apos;%1&apos;: it is %2.
</source>
        <translation>&apos;%1&apos; wird übersprungen: Zustand %2.
</translation>
    </message>
    <message>
        <source>Starting &apos;%1&apos;.
</source>
        <translation>&apos;%1&apos; wird gestartet.
</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not started: after %2 seconds, still waiting for %3.</source>
        <translation>&apos;%1&apos; wurde nicht gestartet: nach %2 Sekunden wird noch auf %3 gewartet.</translation>
    </message>
    <message>
        <source>Stopping &apos;%1&apos;.
</source>
        <translation>&apos;%1&apos; wird gestoppt.
</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not stopped: %2</source>
        <translation>&apos;%1&apos; wurde nicht gestoppt: %2</translation>
    </message>
    <message>
        <source>Print the plan (order, delay, name, state, links waited for); start nothing.</source>
        <translation>Den Plan ausgeben (Reihenfolge, Verzögerung, Name, Zustand, erwartete Schnittstellen); nichts starten.</translation>
    </message>
    <message>
        <source>Stop the autostart containers instead, in reverse order (for shutdown).</source>
        <translation>Stattdessen die Autostart-Container in umgekehrter Reihenfolge stoppen (zum Herunterfahren).</translation>
    </message>
    <message>
        <source>Give up waiting for links after this many seconds (default: wait without limit); with --stop, seconds before SIGKILL (default 10).</source>
        <translation>Nach so vielen Sekunden nicht mehr auf Schnittstellen warten (Standard: ohne Grenze warten); mit --stop Sekunden bis SIGKILL (Standard 10).</translation>
    </message>
    <message>
        <source>Start or stop the containers marked for autostart</source>
        <translation>Zum Autostart markierte Container starten oder stoppen</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <source>Share a host folder with a container at TARGET, from its next start on. Your files in it belong to USER inside (root unless given), everyone else&apos;s to nobody. Sharing a folder you own needs no password; anyone else&apos;s needs an administrator.</source>
        <translation>Einen Ordner des Hosts ab dem nächsten Start unter ZIEL mit einem Container teilen. Ihre Dateien darin gehören im Container BENUTZER (root, wenn nicht angegeben), die aller anderen nobody. Einen eigenen Ordner zu teilen braucht kein Passwort, den eines anderen einen Administrator.</translation>
    </message>
    <message>
        <source>Whom your files belong to inside: root, a user of the container, or a number.</source>
        <translation>Wem Ihre Dateien im Container gehören: root, ein Benutzer des Containers oder eine Nummer.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is shared at &apos;%2&apos; in &apos;%3&apos; from its next start on.
</source>
        <translation>„%1“ wird ab dem nächsten Start unter „%2“ in „%3“ geteilt.
</translation>
    </message>
    <message>
        <source>Stop sharing the folder at TARGET with a container, from its next start on.</source>
        <translation>Den Ordner unter ZIEL ab dem nächsten Start nicht mehr mit einem Container teilen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in &apos;%2&apos; is no longer shared from its next start on.
</source>
        <translation>„%1“ in „%2“ wird ab dem nächsten Start nicht mehr geteilt.
</translation>
    </message>
    <message>
        <source>Share a host folder with a container</source>
        <translation>Einen Ordner des Hosts mit einem Container teilen</translation>
    </message>
    <message>
        <source>Stop sharing a folder with a container</source>
        <translation>Einen Ordner nicht mehr mit einem Container teilen</translation>
    </message>
    <message>
        <source>Shared folder:</source>
        <translation>Geteilter Ordner:</translation>
    </message>
    <message>
        <source>%1 at %2 (as uid %3, gid %4)</source>
        <translation>%1 unter %2 (als UID %3, GID %4)</translation>
    </message>
    <message>
        <source>Give a stopped privileged container a user namespace of its own: root inside becomes an unprivileged user on the host.</source>
        <translation>Einem gestoppten privilegierten Container einen eigenen User-Namespace geben: root im Container wird ein unprivilegierter Benutzer auf dem Host.</translation>
    </message>
    <message>
        <source>Convert to an unprivileged container (the only way).</source>
        <translation>In einen unprivilegierten Container umwandeln (die einzige Richtung).</translation>
    </message>
    <message>
        <source>convert: --unprivileged is required</source>
        <translation>convert: --unprivileged ist erforderlich</translation>
    </message>
    <message>
        <source>A privileged container: no user namespace, root inside is root on the host (needs an administrator).</source>
        <translation>Ein privilegierter Container: kein User-Namespace, root im Container ist root auf dem Host (braucht einen Administrator).</translation>
    </message>
    <message>
        <source>Give a privileged container a user namespace</source>
        <translation>Einem privilegierten Container einen User-Namespace geben</translation>
    </message>
    <message>
        <source>Privileged:</source>
        <translation>Privilegiert:</translation>
    </message>
    <message>
        <source>yes: root inside is root on the host</source>
        <translation>ja: root im Container ist root auf dem Host</translation>
    </message>
    <message>
        <source>User namespace:</source>
        <translation>User-Namespace:</translation>
    </message>
    <message>
        <source>rootfs shifted into them once at creation</source>
        <translation>Root-Dateisystem beim Erstellen einmal in sie verschoben</translation>
    </message>
    <message>
        <source>rootfs through an idmapped mount</source>
        <translation>Root-Dateisystem über einen ID-gemappten Mount</translation>
    </message>
    <message>
        <source>host IDs %1 (%2)</source>
        <translation>Host-IDs %1 (%2)</translation>
    </message>
    <message>
        <source>PRIV</source>
        <translation>PRIV</translation>
    </message>
    <message>
        <source>Attach eth0 to this bridge (berthbr0, Berth&apos;s default bridge, is made on first use). Without it the container has no network, only loopback.</source>
        <translation>eth0 an diese Bridge anschließen (berthbr0, Berths Standard-Bridge, wird bei der ersten Verwendung angelegt). Ohne diese Option hat der Container kein Netzwerk, nur Loopback.</translation>
    </message>
    <message>
        <source>change: masquerade again.</source>
        <translation>change: wieder maskieren (Masquerading).</translation>
    </message>
    <message>
        <source>Berth&apos;s bridges, with DHCP, DNS and NAT. change alters only the options given.</source>
        <translation>Berths Bridges mit DHCP, DNS und NAT. change ändert nur die angegebenen Optionen.</translation>
    </message>
    <message>
        <source>CPU shares as cgroup v1 counts them, 2-262144 (instead of --cpu-weight).</source>
        <translation>CPU-Anteile in cgroup-v1-Einheiten, 2-262144 (statt --cpu-weight).</translation>
    </message>
    <message>
        <source>IO weight as cgroup v1 counts it, 10-1000 (instead of --io-weight).</source>
        <translation>IO-Gewicht in cgroup-v1-Einheiten, 10-1000 (statt --io-weight).</translation>
    </message>
    <message>
        <source>OOM KILLS</source>
        <translation>OOM-KILLS</translation>
    </message>
    <message>
        <source>Write a stopped container&apos;s config and root filesystem as a gzip&apos;d tarball to FILE or stdout; &apos;berthctl create NAME -t tarball --file FILE&apos; imports it again.</source>
        <translation>Schreibt die Konfiguration und das Wurzeldateisystem eines gestoppten Containers als gzip-komprimierten Tarball nach FILE oder auf die Standardausgabe; &apos;berthctl create NAME -t tarball --file FILE&apos; importiert ihn wieder.</translation>
    </message>
    <message>
        <source>Export a container (config and rootfs) as a tarball</source>
        <translation>Container (Konfiguration und Rootfs) als Tarball exportieren</translation>
    </message>
    <message>
        <source>Destroy the container when it stops, also after a detach or if berthctl is killed.</source>
        <translation>Den Container entfernen, wenn er stoppt, auch nach dem Trennen oder wenn berthctl beendet wurde.</translation>
    </message>
    <message>
        <source>Raw terminal, Ctrl-a q detaches and leaves the container running.</source>
        <translation>Terminal im Rohmodus, Strg-a q trennt die Verbindung und lässt den Container weiterlaufen.</translation>
    </message>
    <message>
        <source>An environment variable for the command (lxc.environment).</source>
        <translation>Eine Umgebungsvariable für den Befehl (lxc.environment).</translation>
    </message>
    <message>
        <source>A config key for this container (as lxc-execute -s).</source>
        <translation>Ein Konfigurationsschlüssel für diesen Container (wie lxc-execute -s).</translation>
    </message>
    <message>
        <source>starting %1</source>
        <translation>%1 wird gestartet</translation>
    </message>
    <message>
        <source>starting %1 with the command: %2</source>
        <translation>%1 wird mit dem Befehl gestartet: %2</translation>
    </message>
    <message>
        <source>the helper answered %1</source>
        <translation>der Helfer antwortete %1</translation>
    </message>
    <message>
        <source>%1 failed to start: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 is running, init PID %2</source>
        <translation>%1 läuft, Init-PID %2</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>Start a stopped container. With COMMAND, that runs as its init for this run (as lxc-start NAME -- COMMAND). What the container prints is its console log (berthctl logs NAME).</source>
        <translation>Startet einen gestoppten Container. Mit COMMAND läuft dieses für diesen Lauf als sein Init (wie lxc-start NAME -- COMMAND). Was der Container ausgibt, steht in seinem Konsolenprotokoll (berthctl logs NAME).</translation>
    </message>
    <message>
        <source>Append a log of this start to FILE (as lxc-start -o): a line per event with its time and level.</source>
        <translation>Ein Protokoll dieses Starts an FILE anhängen (wie lxc-start -o): eine Zeile je Ereignis mit Zeit und Stufe.</translation>
    </message>
    <message>
        <source>The least level logged, one of %1 (default ERROR). Without -o, the log goes to stderr.</source>
        <translation>Die niedrigste protokollierte Stufe, eine von %1 (Standard ERROR). Ohne -o geht das Protokoll nach stderr.</translation>
    </message>
    <message>
        <source>invalid log level &apos;%1&apos; (one of %2)</source>
        <translation>ungültige Protokollstufe &apos;%1&apos; (eine von %2)</translation>
    </message>
    <message>
        <source>cannot open the log file &apos;%1&apos;: %2</source>
        <translation>die Protokolldatei &apos;%1&apos; kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 address with a prefix length (a.b.c.d/n)</source>
        <translation>&apos;%1&apos; ist keine IPv4-Adresse mit Präfixlänge (a.b.c.d/n)</translation>
    </message>
    <message>
        <source>autostart: expected NAME on|off</source>
        <translation>autostart: NAME on|off erwartet</translation>
    </message>
    <message>
        <source>Start the containers with lxc.start.auto = 1: lowest lxc.start.order first,
equal orders by name, lxc.start.delay seconds after each start. A container
whose host bridge or macvlan parent is missing or down is started once that
link is up. With NAME on|off: whether that container starts with the host.</source>
        <translation>Startet die Container mit lxc.start.auto = 1: kleinste lxc.start.order zuerst,
gleiche Reihenfolge nach Namen, lxc.start.delay Sekunden nach jedem Start. Ein
Container, dessen Bridge oder macvlan-Elternschnittstelle fehlt oder inaktiv ist,
wird gestartet, sobald diese Schnittstelle aktiv ist. Mit NAME on|off: ob dieser Container mit dem Host startet.</translation>
    </message>
    <message>
        <source>A static IPv4 address for eth0 on its network (10.0.3.20 or 10.0.3.20/24).</source>
        <translation>Eine feste IPv4-Adresse für eth0 in seinem Netzwerk (10.0.3.20 oder 10.0.3.20/24).</translation>
    </message>
    <message>
        <source>Start the container with the host.</source>
        <translation>Den Container mit dem Host starten.</translation>
    </message>
    <message>
        <source>Forward a host port to the container, PROTO:HOSTPORT:PORT (tcp:8080:80); may be repeated.</source>
        <translation>Einen Port des Hosts an den Container weiterleiten, PROTO:HOSTPORT:PORT (tcp:8080:80); mehrfach möglich.</translation>
    </message>
    <message>
        <source>veth (the default for add), macvlan, empty or none.</source>
        <translation>veth (Standard für add), macvlan, empty oder none.</translation>
    </message>
    <message>
        <source>The bridge a veth joins (default: Berth&apos;s), a macvlan&apos;s parent link.</source>
        <translation>Die Bridge, der ein veth beitritt (Standard: die von Berth), die Eltern-Schnittstelle eines macvlan.</translation>
    </message>
    <message>
        <source>A static IPv4 address, e.g. 10.0.3.20/24; set: &apos;&apos; removes it.</source>
        <translation>Eine statische IPv4-Adresse, z. B. 10.0.3.20/24; set: &apos;&apos; entfernt sie.</translation>
    </message>
    <message>
        <source>The MAC address (default: chosen at start).</source>
        <translation>Die MAC-Adresse (Standard: beim Start gewählt).</translation>
    </message>
    <message>
        <source>The name inside the container (default: ethN).</source>
        <translation>Der Name im Container (Standard: ethN).</translation>
    </message>
    <message>
        <source>MTU, 68-65535; set: 0 is the link&apos;s default.</source>
        <translation>MTU, 68-65535; set: 0 ist der Standard der Verbindung.</translation>
    </message>
    <message>
        <source>INDEX</source>
        <translation>INDEX</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>HWADDR</source>
        <translation>HWADDR</translation>
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
        <translation>Die Netzwerkschnittstellen eines Containers, ab seinem nächsten Start; set ändert nur die angegebenen Optionen, remove nummeriert keine andere Schnittstelle um.</translation>
    </message>
    <message>
        <source>interface %1: NAME and INDEX are needed</source>
        <translation>interface %1: NAME und INDEX werden benötigt</translation>
    </message>
    <message>
        <source>interface: unknown action &apos;%1&apos;</source>
        <translation>interface: unbekannte Aktion &apos;%1&apos;</translation>
    </message>
    <message>
        <source>DHCP range &apos;%1&apos; is not FIRST-LAST</source>
        <translation>DHCP-Bereich &apos;%1&apos; hat nicht die Form ERSTE-LETZTE</translation>
    </message>
    <message>
        <source>List, add, change or remove network interfaces</source>
        <translation>Netzwerkschnittstellen auflisten, hinzufügen, ändern oder entfernen</translation>
    </message>
    <message>
        <source>the helper did not end the job within %1 s of the cancel; it may still be running</source>
        <translation>der Hilfsdienst hat den Auftrag %1 s nach dem Abbruch noch nicht beendet; er läuft vielleicht noch</translation>
    </message>
    <message>
        <source>Nothing was saved. Your edited copy is kept in &apos;%1&apos;; run &apos;berthctl config %2 edit&apos; again to edit the new version.
</source>
        <translation>Es wurde nichts gespeichert. Ihre bearbeitete Kopie bleibt in &apos;%1&apos;; führen Sie &apos;berthctl config %2 edit&apos; erneut aus, um die neue Version zu bearbeiten.
</translation>
    </message>
    <message>
        <source>Reserved:</source>
        <translation>Reserviert:</translation>
    </message>
    <message>
        <source>berthctl: older console output was dropped at the log&apos;s size limit (lxc.console.size)
</source>
        <translation>berthctl: ältere Konsolenausgabe wurde an der Größengrenze des Protokolls verworfen (lxc.console.size)
</translation>
    </message>
    <message>
        <source>Publish a container&apos;s port on the host, as docker&apos;s -p (a forward); may be repeated.</source>
        <translation>Einen Port des Containers auf dem Host veröffentlichen, wie docker -p (eine Weiterleitung); mehrfach möglich.</translation>
    </message>
    <message>
        <source>An image container: run this instead of the image&apos;s entrypoint (and drop its command).</source>
        <translation>Ein Image-Container: dies statt des Entrypoints des Images ausführen (und dessen Befehl weglassen).</translation>
    </message>
    <message>
        <source>An image container: the working directory instead of the image&apos;s.</source>
        <translation>Ein Image-Container: das Arbeitsverzeichnis statt dem des Images.</translation>
    </message>
    <message>
        <source>An image container: the user (name or uid) instead of the image&apos;s.</source>
        <translation>Ein Image-Container: der Benutzer (Name oder UID) statt dem des Images.</translation>
    </message>
    <message>
        <source>Create a container from a template, or from an image of a registry (pulled first when the store lacks it).</source>
        <translation>Einen Container aus einer Vorlage erstellen, oder aus einem Image einer Registry (zuerst heruntergeladen, wenn der Speicher es nicht hat).</translation>
    </message>
    <message>
        <source>An image, [REGISTRY/]REPOSITORY[:TAG|@DIGEST]: an application container of it whose COMMAND replaces the image&apos;s command.</source>
        <translation>Ein Image, [REGISTRY/]REPOSITORY[:TAG|@DIGEST]: ein Anwendungscontainer daraus, dessen BEFEHL den Befehl des Images ersetzt.</translation>
    </message>
    <message>
        <source>create: one of -t TEMPLATE and --image REF is required</source>
        <translation>create: genau eines von -t VORLAGE und --image REF ist nötig</translation>
    </message>
    <message>
        <source>Create an application container, start it and attach to its console (as &apos;docker run&apos;). PATH is an OCI archive or layout, sent to the oci template; anything that is neither a template nor a path is an image of a registry, [REGISTRY/]REPOSITORY[:TAG|@DIGEST], pulled first when the store lacks it, whose command COMMAND replaces. The exit status is the command&apos;s.</source>
        <translation>Einen Anwendungscontainer erstellen, starten und mit seiner Konsole verbinden (wie &apos;docker run&apos;). PFAD ist ein OCI-Archiv oder -Layout für die Vorlage oci; alles, was weder Vorlage noch Pfad ist, ist ein Image einer Registry, [REGISTRY/]REPOSITORY[:TAG|@DIGEST], zuerst heruntergeladen, wenn der Speicher es nicht hat, dessen Befehl BEFEHL ersetzt. Der Exit-Status ist der des Befehls.</translation>
    </message>
    <message>
        <source>berthctl: warning: %1
</source>
        <translation>berthctl: Warnung: %1
</translation>
    </message>
    <message>
        <source>Unable to find image &apos;%1&apos; in the store, pulling it
</source>
        <translation>Image &apos;%1&apos; ist nicht im Speicher, es wird heruntergeladen
</translation>
    </message>
    <message>
        <source>Pull an image from its registry into Berth&apos;s image store, with each layer&apos;s progress. A short name resolves as docker&apos;s do (debian is docker.io/library/debian:latest), or through unqualified-search-registries in /etc/containers/registries.conf. Logins come from your own $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json or ~/.docker/config.json. Ctrl-C cancels the pull and leaves nothing behind.</source>
        <translation>Ein Image aus seiner Registry in Berths Image-Speicher herunterladen, mit dem Fortschritt jeder Schicht. Ein Kurzname wird wie bei docker aufgelöst (debian ist docker.io/library/debian:latest) oder über unqualified-search-registries in /etc/containers/registries.conf. Anmeldedaten kommen aus Ihren eigenen $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json oder ~/.docker/config.json. Strg-C bricht den Download ab und hinterlässt nichts.</translation>
    </message>
    <message>
        <source>Print only the image&apos;s id.</source>
        <translation>Nur die ID des Images ausgeben.</translation>
    </message>
    <message>
        <source>Pulled %1 (%2)
</source>
        <translation>%1 heruntergeladen (%2)
</translation>
    </message>
    <message>
        <source>List the images of Berth&apos;s store: name, tag, id, age, size on disk, the part of it shared with other images, and the containers made from each.</source>
        <translation>Die Images in Berths Speicher auflisten: Name, Tag, ID, Alter, Größe auf der Platte, der mit anderen Images geteilte Teil davon und die daraus erstellten Container.</translation>
    </message>
    <message>
        <source>Print only the image ids.</source>
        <translation>Nur die IDs der Images ausgeben.</translation>
    </message>
    <message>
        <source>Removed %1
</source>
        <translation>%1 entfernt
</translation>
    </message>
    <message>
        <source>rm: remove images (by name only that name, by id the whole image); refused while a container is made from one. prune: remove images without a name that no container uses (--all: every image no container uses) and the layers no image has left. inspect: an image&apos;s details.</source>
        <translation>rm: Images entfernen (per Name nur diesen Namen, per ID das ganze Image); abgelehnt, solange ein Container daraus erstellt ist. prune: Images ohne Namen entfernen, die kein Container nutzt (--all: jedes Image, das kein Container nutzt), und die Schichten, die kein Image mehr hat. inspect: die Details eines Images.</translation>
    </message>
    <message>
        <source>prune: every image no container uses.</source>
        <translation>prune: jedes Image, das kein Container nutzt.</translation>
    </message>
    <message>
        <source>inspect: print JSON.</source>
        <translation>inspect: JSON ausgeben.</translation>
    </message>
    <message>
        <source>image: expected &apos;rm REF...&apos;, &apos;prune [--all]&apos; or &apos;inspect REF&apos;</source>
        <translation>image: erwartet &apos;rm REF...&apos;, &apos;prune [--all]&apos; oder &apos;inspect REF&apos;</translation>
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
        <translation>Exit-Codes:
  0  Erfolg
  1  Fehler
  2  falscher Aufruf oder ungültiges Argument
  3  nicht berechtigt
  4  Container oder Image nicht gefunden
  5  belegt (ein anderer Vorgang hält den Container)
  6  der Hilfsdienst (org.berth.Berth1) ist nicht erreichbar
  exec und run: der Exit-Status des Befehls selbst
  exec: 127, wenn der Befehl nicht gefunden wird, 126, wenn er nicht ausgeführt werden kann
</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Lädt %1</translation>
    </message>
    <message>
        <source>Downloading %1 / %2</source>
        <translation>Lädt %1 / %2</translation>
    </message>
    <message>
        <source>Verifying checksum</source>
        <translation>Prüfsumme wird geprüft</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpackt</translation>
    </message>
    <message>
        <source>Extracting %1 / %2</source>
        <translation>Entpackt %1 / %2</translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>Bereits vorhanden</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>IMAGE-ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <source>SHARED</source>
        <translation>GETEILT</translation>
    </message>
    <message>
        <source>USED BY</source>
        <translation>GENUTZT VON</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 layers)</source>
        <translation>%1 (%2 von %3 Schichten)</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Genutzt von</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>Entrypoint</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>Stoppsignal</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Deleted image %1
</source>
        <translation>Image %1 gelöscht
</translation>
    </message>
    <message>
        <source>Deleted layer %1
</source>
        <translation>Schicht %1 gelöscht
</translation>
    </message>
    <message>
        <source>Space freed: %1
</source>
        <translation>Freigegebener Platz: %1
</translation>
    </message>
    <message>
        <source>Pull an image from a registry</source>
        <translation>Ein Image aus einer Registry herunterladen</translation>
    </message>
    <message>
        <source>List the images of the store</source>
        <translation>Die Images des Speichers auflisten</translation>
    </message>
    <message>
        <source>Remove, prune or inspect images</source>
        <translation>Images entfernen, aufräumen oder ansehen</translation>
    </message>
    <message>
        <source>expected HOSTPORT:PORT[/udp] or ADDRESS:HOSTPORT:PORT[/udp], got &apos;%1&apos;</source>
        <translation>erwartet HOSTPORT:PORT[/udp] oder ADRESSE:HOSTPORT:PORT[/udp], erhalten &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>berth: could not save the screenshot &apos;%1&apos;</source>
        <translation>berth: das Bildschirmfoto &apos;%1&apos; konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Create, run and watch local Linux containers.</source>
        <translation>Lokale Linux-Container erstellen, ausführen und beobachten.</translation>
    </message>
    <message>
        <source>Save a PNG of each main view into DIRECTORY, then quit.</source>
        <translation>Ein PNG jeder Hauptansicht in DIRECTORY speichern, dann beenden.</translation>
    </message>
    <message>
        <source>DIRECTORY</source>
        <translation>DIRECTORY</translation>
    </message>
    <message>
        <source>Use a light or dark palette (light, dark or system; default: BERTH_PALETTE, else the desktop&apos;s).</source>
        <translation>Eine helle oder dunkle Farbpalette verwenden (light, dark oder system; Vorgabe: BERTH_PALETTE, sonst die des Desktops).</translation>
    </message>
    <message>
        <source>PALETTE</source>
        <translation>PALETTE</translation>
    </message>
    <message>
        <source>berth: the palette is light, dark or system, not &apos;%1&apos;</source>
        <translation>berth: die Palette ist light, dark oder system, nicht &apos;%1&apos;</translation>
    </message>
</context>
</TS>
