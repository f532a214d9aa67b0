<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddressPlan</name>
    <message>
        <source>link-local addresses</source>
        <translation>リンクローカルアドレス</translation>
    </message>
    <message>
        <source>loopback addresses</source>
        <translation>ループバックアドレス</translation>
    </message>
    <message>
        <source>“this network” addresses</source>
        <translation>「このネットワーク」を表すアドレス</translation>
    </message>
    <message>
        <source>multicast addresses</source>
        <translation>マルチキャストアドレス</translation>
    </message>
    <message>
        <source>reserved addresses</source>
        <translation>予約済みアドレス</translation>
    </message>
    <message>
        <source>loopback address</source>
        <translation>ループバックアドレス</translation>
    </message>
</context>
<context>
    <name>AddressStrip</name>
    <message>
        <source>Address ranges and company addresses</source>
        <comment>@info accessible</comment>
        <translation>アドレス範囲と社内のアドレス</translation>
    </message>
    <message>
        <source>%1 (conflict)</source>
        <comment>@info accessible</comment>
        <translation>%1（衝突）</translation>
    </message>
    <message>
        <source>Service range</source>
        <comment>@item legend</comment>
        <translation>Serviceのアドレス範囲</translation>
    </message>
    <message>
        <source>Pod range</source>
        <comment>@item legend</comment>
        <translation>Podのアドレス範囲</translation>
    </message>
    <message>
        <source>Company service</source>
        <comment>@item legend</comment>
        <translation>社内サービス</translation>
    </message>
    <message>
        <source>Company network</source>
        <comment>@item legend</comment>
        <translation>社内ネットワーク</translation>
    </message>
    <message>
        <source>Node address</source>
        <comment>@item legend</comment>
        <translation>ノードのアドレス</translation>
    </message>
    <message>
        <source>NodeLocalDNS</source>
        <comment>@item legend</comment>
        <translation>NodeLocalDNS</translation>
    </message>
    <message>
        <source>Conflict</source>
        <comment>@item legend</comment>
        <translation>衝突</translation>
    </message>
    <message>
        <source>Gap shortened</source>
        <comment>@item legend</comment>
        <translation>間隔を短縮</translation>
    </message>
    <message>
        <source>Enter valid ranges to see them here.</source>
        <comment>@info</comment>
        <translation>有効なアドレス範囲を入力すると、ここに表示されます。</translation>
    </message>
    <message>
        <source>%1 — conflicts with a cluster range</source>
        <comment>@info:tooltip</comment>
        <translation>%1 — クラスタのアドレス範囲と衝突しています</translation>
    </message>
    <message>
        <source>Gaps between far-apart addresses are shortened: order is kept, distances are not.</source>
        <comment>@info:tooltip</comment>
        <translation>離れたアドレスの間は詰めて表示しています。並び順は実際のとおりですが、間隔は実際の距離を表していません。</translation>
    </message>
</context>
<context>
    <name>Ansible</name>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1が時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1が失敗しました: %2</translation>
    </message>
    <message>
        <source>No ansible-playbook found: neither in the checkout&apos;s venv/bin nor on PATH.</source>
        <translation>ansible-playbookが見つかりません。Kubesprayディレクトリのvenv/binにも、PATH上にもありません。</translation>
    </message>
    <message>
        <source>Could not read the ansible-core version from %1 --version.</source>
        <translation>「%1 --version」の出力からansible-coreのバージョンを読み取れませんでした。</translation>
    </message>
    <message>
        <source>Could not find which Python %1 runs on.</source>
        <translation>%1がどのPythonで動作しているかを特定できませんでした。</translation>
    </message>
</context>
<context>
    <name>AnsibleCommand</name>
    <message>
        <source>The Kubespray folder does not exist: %1</source>
        <translation>Kubesprayのフォルダがありません: %1</translation>
    </message>
    <message>
        <source>The playbook does not exist: %1</source>
        <translation>playbookがありません: %1</translation>
    </message>
    <message>
        <source>No hosts file was given.</source>
        <translation>ホストファイルが指定されていません。</translation>
    </message>
    <message>
        <source>The hosts file is a folder; give the file itself: %1</source>
        <translation>ホストファイルとしてフォルダが指定されています。ファイルそのものを指定してください: %1</translation>
    </message>
    <message>
        <source>The hosts file does not exist: %1</source>
        <translation>ホストファイルがありません: %1</translation>
    </message>
    <message>
        <source>The hosts file cannot be read: %1</source>
        <translation>ホストファイルを読み取れません: %1</translation>
    </message>
    <message>
        <source>ansible-playbook was found neither in the Kubespray venv nor on PATH.</source>
        <translation>ansible-playbookが、KubesprayのvenvにもPATH上にも見つかりません。</translation>
    </message>
    <message>
        <source>ansible-playbook cannot be run: %1</source>
        <translation>ansible-playbookを実行できません: %1</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <source>given on the command line: %1</source>
        <translation>コマンドラインで指定: %1</translation>
    </message>
    <message>
        <source>%1 says %2</source>
        <translation>%1の記載: %2</translation>
    </message>
    <message>
        <source>%1 exists (Kubespray %2 or later)</source>
        <translation>%1が存在するため、Kubespray %2以降と判断</translation>
    </message>
</context>
<context>
    <name>Cidr</name>
    <message>
        <source>No address range given.</source>
        <translation>アドレス範囲が指定されていません。</translation>
    </message>
    <message>
        <source>“%1” is not an address range.</source>
        <translation>「%1」はアドレス範囲ではありません。</translation>
    </message>
    <message>
        <source>“%1” is an address, not a range: add a prefix such as %2.</source>
        <translation>「%1」は単一のアドレスで、範囲ではありません。%2のようにプレフィックス長を付けてください。</translation>
    </message>
    <message>
        <source>“%1” has no prefix after the “/”: add one such as %2.</source>
        <translation>「%1」には「/」の後にプレフィックス長がありません。%2のように付けてください。</translation>
    </message>
    <message>
        <source>In “%1” the prefix “%2” is not a number from 0 to %3.</source>
        <translation>「%1」のプレフィックス長「%2」が、0〜%3の数値になっていません。</translation>
    </message>
    <message>
        <source>“/%1” is too long a prefix: an IPv4 range has at most /32.</source>
        <translation>「/%1」はプレフィックス長が大きすぎます。IPv4の範囲では最大/32です。</translation>
    </message>
    <message>
        <source>“/%1” is too long a prefix: an IPv6 range has at most /128.</source>
        <translation>「/%1」はプレフィックス長が大きすぎます。IPv6の範囲では最大/128です。</translation>
    </message>
    <message>
        <source>“%1” has host bits set: the range it lies in is %2.</source>
        <translation>「%1」はホスト部のビットが0になっていません。このアドレスを含む範囲は%2です。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error: --lang takes en or ja, not “%1”.</source>
        <translation>エラー: --langに指定できるのはenかjaです（「%1」は指定できません）。</translation>
    </message>
    <message>
        <source>error: unknown command “%1”.</source>
        <translation>エラー: 不明なコマンド「%1」です。</translation>
    </message>
    <message>
        <source>Inventory:  %1</source>
        <translation>インベントリ: %1</translation>
    </message>
    <message>
        <source>Kubespray:  %1 (%2)</source>
        <translation>Kubespray:    %1 (%2)</translation>
    </message>
    <message>
        <source>Kubespray:  version unknown</source>
        <translation>Kubespray:    バージョン不明</translation>
    </message>
    <message>
        <source>Ansible:    %1 (ansible-core %2)</source>
        <translation>Ansible:      %1 (ansible-core %2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Note:       %1</source>
        <translation>補足:         %1</translation>
    </message>
    <message>
        <source>No findings: nothing in this inventory is known to break the cluster.</source>
        <translation>指摘事項はありません。このインベントリには、クラスタを壊す既知の問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Proposed fix:</source>
        <translation>修正案:</translation>
    </message>
    <message>
        <source>Reads a Kubespray inventory and reports what will break the cluster.</source>
        <translation>Kubesprayのインベントリを読み込み、クラスタを壊す原因を報告します。</translation>
    </message>
    <message>
        <source>The inventory: a hosts file or its folder.</source>
        <translation>インベントリ（hostsファイル、またはそのフォルダ）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>The site profile (company services).</source>
        <translation>サイトプロファイル（社内サービスの定義）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>テキストの代わりにJSONで出力します。</translation>
    </message>
    <message>
        <source>The Kubespray release, when it cannot be detected.</source>
        <translation>Kubesprayのリリース（自動検出できない場合に指定）。</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>Language of the messages: en or ja.</source>
        <translation>メッセージの言語（enまたはja）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>error: unexpected argument “%1”.</source>
        <translation>エラー: 想定外の引数「%1」があります。</translation>
    </message>
    <message>
        <source>error: --inventory PATH is required.</source>
        <translation>エラー: 「--inventory PATH」を指定してください。</translation>
    </message>
    <message>
        <source>error: --kubespray-version: “%1” is not a version such as v2.25.0.</source>
        <translation>エラー: --kubespray-version: 「%1」はバージョンとして認識できません（例: v2.25.0）。</translation>
    </message>
    <message>
        <source>Writes the proposed fixes into the inventory. Only the keys that must change are edited; comments and everything else stay as they are. The files as they were are kept in the history.</source>
        <translation>修正案をインベントリに書き込みます。編集するのは変更が必要なキーだけで、コメントなどそれ以外の部分はそのまま残ります。変更前のファイルは履歴に保存されます。</translation>
    </message>
    <message>
        <source>Show the changes; write nothing.</source>
        <translation>変更内容を表示するだけで、何も書き込みません。</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>変更が必要な箇所はありません。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>ドライラン: 何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Written. The earlier files are kept as version %1 in %2.</source>
        <translation>書き込みました。変更前のファイルは、バージョン%1として%2に保存してあります。</translation>
    </message>
    <message>
        <source>Not fixed automatically: %1. Run “check” for details.</source>
        <translation>自動では修正できなかった項目: %1。詳しくは「check」を実行してください。</translation>
    </message>
    <message>
        <source>Lists the earlier versions of the inventory&apos;s files that were kept before each write.</source>
        <translation>書き込みのたびに保存された、インベントリのファイルの以前のバージョンを一覧表示します。</translation>
    </message>
    <message>
        <source>No earlier versions are kept for this inventory.</source>
        <translation>このインベントリには、保存済みの以前のバージョンはありません。</translation>
    </message>
    <message>
        <source>Kept in %1</source>
        <translation>保存場所: %1</translation>
    </message>
    <message>
        <source>Puts back the files of an earlier version. The files as they are now are kept as a new version first, so a restore can be undone.</source>
        <translation>以前のバージョンのファイルに戻します。先に現在のファイルを新しいバージョンとして保存するため、復元は取り消せます。</translation>
    </message>
    <message>
        <source>A version listed by “history”.</source>
        <translation>「history」で表示されるバージョン。</translation>
    </message>
    <message>
        <source>error: which version? Run “history” to list them.</source>
        <translation>エラー: 戻すバージョンを指定してください。「history」で一覧を表示できます。</translation>
    </message>
    <message>
        <source>Restored %1. The files as they were are kept as version %2.</source>
        <translation>%1を復元しました。復元前のファイルはバージョン%2として保存してあります。</translation>
    </message>
    <message>
        <source>(kept from an earlier apply)</source>
        <translation>(以前のapplyで保存したもの)</translation>
    </message>
    <message>
        <source>Profile:    %1</source>
        <translation>プロファイル: %1</translation>
    </message>
    <message>
        <source>Blocking: %1, warnings: %2, information: %3.</source>
        <translation>要対応: %1件、警告: %2件、情報: %3件。</translation>
    </message>
    <message>
        <source>Exit codes: 0 done, nothing left to report; 1 findings remain; 2 error (bad input; nothing was written).</source>
        <translation>終了コード: 0=完了（報告する問題なし）、1=指摘事項が残っている、2=エラー（入力に誤りがあり、何も書き込んでいない）。</translation>
    </message>
    <message>
        <source>Kubespray Wizard</source>
        <translation>Kubespray Wizard</translation>
    </message>
    <message>
        <source>Also ask the registries and the company DNS how they answer from here.</source>
        <translation>あわせて、このマシンからレジストリと社内DNSに問い合わせ、どう応答するかを確認します。</translation>
    </message>
    <message>
        <source>probed %1 (%2 of %3)</source>
        <translation>%1に問い合わせました（%3件中%2件完了）</translation>
    </message>
    <message>
        <source>Asks the company network, from this machine: how each registry of the site profile is reached (HTTPS, untrusted HTTPS, HTTP only), whether the verification image exists, and which names only the company DNS resolves.</source>
        <translation>このマシンから社内ネットワークに問い合わせます。サイトプロファイルの各レジストリへの接続方法（HTTPS、信頼されていない証明書のHTTPS、HTTPのみ）、検証用イメージが存在するかどうか、社内DNSでしか解決できない名前はどれかを確認します。</translation>
    </message>
    <message>
        <source>Time allowed for each request (default 5000).</source>
        <translation>各リクエストの待ち時間の上限（ミリ秒、デフォルトは5000）。</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>error: --site FILE is required.</source>
        <translation>エラー: 「--site FILE」を指定してください。</translation>
    </message>
    <message>
        <source>error: --timeout takes milliseconds from 100 to 600000.</source>
        <translation>エラー: --timeoutには100〜600000のミリ秒数を指定してください。</translation>
    </message>
    <message>
        <source>repositories: %1</source>
        <translation>リポジトリ: %1</translation>
    </message>
    <message>
        <source>image %1 exists</source>
        <translation>イメージ%1は存在します</translation>
    </message>
    <message>
        <source>image %1 is missing: %2</source>
        <translation>イメージ%1がありません: %2</translation>
    </message>
    <message>
        <source>DNS %1: %2</source>
        <translation>DNS %1: %2</translation>
    </message>
    <message>
        <source>Only the company DNS resolves: %1. Pods need upstream_dns_servers or zone forwarding for them.</source>
        <translation>社内DNSでしか解決できない名前: %1。Podからこれらの名前を解決するには、upstream_dns_serversまたはゾーンごとの転送が必要です。</translation>
    </message>
    <message>
        <source>note: --probe needs a site profile (--site FILE); nothing was probed.</source>
        <translation>注意: --probeにはサイトプロファイル（--site FILE）が必要です。何も問い合わせていません。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a password file.</source>
        <translation>%1はフォルダです。パスワードファイルではありません。</translation>
    </message>
    <message>
        <source>cannot read the password file %1: %2</source>
        <translation>パスワードファイル%1を読み込めません: %2</translation>
    </message>
    <message>
        <source>the password file %1 is empty.</source>
        <translation>パスワードファイル%1が空です。</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>ノード%1</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>到達不能</translation>
    </message>
    <message>
        <source>addresses: %1</source>
        <translation>アドレス: %1</translation>
    </message>
    <message>
        <source>routes:</source>
        <translation>ルート:</translation>
    </message>
    <message>
        <source>resolv.conf: nameserver %1</source>
        <translation>resolv.conf: nameserver %1</translation>
    </message>
    <message>
        <source>; search %1</source>
        <translation>; search %1</translation>
    </message>
    <message>
        <source>DNS %1: %2 → %3</source>
        <translation>DNS %1: %2 → %3</translation>
    </message>
    <message>
        <source>registry %1: %2</source>
        <translation>レジストリ%1: %2</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>問題: %1</translation>
    </message>
    <message>
        <source>Exit codes: 0 the nodes see nothing known to break the cluster; 1 findings; 2 error (bad input, or Ansible could not run); 130 cancelled with Ctrl+C.</source>
        <translation>終了コード: 0=ノードから見て、クラスタを壊す既知の問題はない、1=指摘事項がある、2=エラー（入力に誤りがある、またはAnsibleを実行できなかった）、130=Ctrl+Cで中止した。</translation>
    </message>
    <message>
        <source>note: the inventory is not inside a Kubespray checkout; running from %1.</source>
        <translation>注意: インベントリがKubesprayディレクトリ内にありません。%1から実行します。</translation>
    </message>
    <message>
        <source>starting ansible-playbook</source>
        <translation>ansible-playbookを起動しています</translation>
    </message>
    <message>
        <source>Cancelling the preflight…</source>
        <translation>事前チェックを中止しています…</translation>
    </message>
    <message>
        <source>Run log: %1</source>
        <translation>実行ログ: %1</translation>
    </message>
    <message>
        <source>No findings: the nodes see nothing known to break the cluster.</source>
        <translation>指摘事項はありません。ノードから見て、クラスタを壊す既知の問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>Usage: kubespray-wizard [COMMAND] [OPTIONS]
       kubespray-wizard [--lang en|ja] [--site FILE] [INVENTORY | --demo]   (the wizard)

Commands:
  check   --inventory PATH [--site FILE] [--json] [--probe] [--kubespray-version VERSION]
      Reads a Kubespray inventory and reports what will break the cluster.
  apply   --inventory PATH [--site FILE] [--dry-run] [--kubespray-version VERSION]
      Writes the proposed fixes into the inventory; the earlier files are kept.
  history --inventory PATH
      Lists the kept earlier versions of the inventory&apos;s files.
  restore --inventory PATH VERSION
      Puts back the files of an earlier version.
  probe   --site FILE [--json] [--timeout MS]
      Asks the registries and the company DNS how they answer from here.
  preflight --inventory PATH [--site FILE] [--password-file FILE]
          [--become-password-file FILE] [--json] [--kubespray-version VERSION]
      Looks at every node with Ansible, read-only: routes, resolv.conf, company DNS, registries.
  deploy  --inventory PATH [--reset] [--verify] [--retry-once] [--password-file FILE]
          [--become-password-file FILE] [--force] [--verbosity N] [--verify-timeout SECONDS]
      Runs cluster.yml (with --reset: reset.yml first), then optionally the verification job.
  reset   --inventory PATH [--password-file FILE] [--become-password-file FILE]
      Runs reset.yml without a prompt: Kubernetes is removed from the nodes.
  verify  --inventory PATH [--image IMAGE] [--timeout SECONDS] [--json]
      Runs the verification job on the cluster and diagnoses a failure.
Every command takes --lang en|ja and --help.

Exit codes: 0 done; 1 findings remain (check, apply, preflight) or the run or verification failed
(deploy, reset, verify); 2 error (bad input; nothing written or run); 3 no display for the wizard;
130 cancelled with Ctrl+C.
</source>
        <translation>使い方: kubespray-wizard [COMMAND] [OPTIONS]
       kubespray-wizard [--lang en|ja] [--site FILE] [INVENTORY | --demo]   （ウィザード）

コマンド:
  check   --inventory PATH [--site FILE] [--json] [--probe] [--kubespray-version VERSION]
      Kubesprayのインベントリを読み、クラスタを壊す原因を報告します。
  apply   --inventory PATH [--site FILE] [--dry-run] [--kubespray-version VERSION]
      修正案をインベントリに書き込みます。変更前のファイルは保存されます。
  history --inventory PATH
      保存してあるインベントリのファイルの以前のバージョンを一覧表示します。
  restore --inventory PATH VERSION
      以前のバージョンのファイルを元に戻します。
  probe   --site FILE [--json] [--timeout MS]
      このマシンからレジストリと社内DNSに問い合わせ、どう応答するかを確認します。
  preflight --inventory PATH [--site FILE] [--password-file FILE]
          [--become-password-file FILE] [--json] [--kubespray-version VERSION]
      Ansibleで全ノードを読み取り専用で調べます: ルート、resolv.conf、社内DNS、レジストリ。
  deploy  --inventory PATH [--reset] [--verify] [--retry-once] [--password-file FILE]
          [--become-password-file FILE] [--force] [--verbosity N] [--verify-timeout SECONDS]
      cluster.ymlを実行し（--resetを付けると先にreset.ymlを実行）、必要に応じて検証用のJobを実行します。
  reset   --inventory PATH [--password-file FILE] [--become-password-file FILE]
      確認なしでreset.ymlを実行します。ノードからKubernetesが削除されます。
  verify  --inventory PATH [--image IMAGE] [--timeout SECONDS] [--json]
      クラスタで検証用のJobを実行し、失敗した場合は原因を診断します。
どのコマンドも--lang en|jaと--helpを受け付けます。

終了コード: 0=完了、1=指摘事項が残っている（check、apply、preflight）または実行・検証が失敗した
（deploy、reset、verify）、2=エラー（入力に誤りがあり、何も書き込み・実行していない）、
3=ウィザードを表示する画面がない、130=Ctrl+Cで中止した。
</translation>
    </message>
    <message>
        <source>Exit codes: 0 done (and, with verification, the job completed with exit code 0); 1 a playbook failed, the verification failed, or blocking findings stopped the deploy; 2 bad input or refused (nothing ran); 130 cancelled with Ctrl+C.</source>
        <translation>終了コード: 0=完了（検証を行った場合は、Jobが終了コード0で完了した）、1=playbookが失敗した、検証が失敗した、または要対応の指摘事項のためにデプロイを中止した、2=入力に誤りがある、または実行を拒否した（何も実行していない）、130=Ctrl+Cで中止した。</translation>
    </message>
    <message>
        <source>  job %1, pod %2</source>
        <translation>  Job %1、Pod %2</translation>
    </message>
    <message>
        <source>What the cluster said: %1</source>
        <translation>クラスタからの報告: %1</translation>
    </message>
    <message>
        <source>Fix it in the wizard on the page “%1”.</source>
        <translation>ウィザードの「%1」ページで修正してください。</translation>
    </message>
    <message>
        <source>event: %1</source>
        <translation>イベント: %1</translation>
    </message>
    <message>
        <source>container log:</source>
        <translation>コンテナのログ:</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>ステップ%1/%2: %3</translation>
    </message>
    <message>
        <source>  run log: %1</source>
        <translation>  実行ログ: %1</translation>
    </message>
    <message>
        <source>Cancelling: stopping Ansible and everything it started…</source>
        <translation>中止しています: Ansibleと、Ansibleが起動したすべてのプロセスを止めています…</translation>
    </message>
    <message>
        <source>Runs Kubespray&apos;s reset.yml on the inventory&apos;s nodes (no prompt): Kubernetes is removed.</source>
        <translation>インベントリのノードに対してKubesprayのreset.ymlを実行します（確認なし）。ノードからKubernetesが削除されます。</translation>
    </message>
    <message>
        <source>Runs Kubespray&apos;s cluster.yml on the inventory&apos;s nodes; with --reset, reset.yml first.</source>
        <translation>インベントリのノードに対してKubesprayのcluster.ymlを実行します。--resetを指定すると、先にreset.ymlを実行します。</translation>
    </message>
    <message>
        <source>Reset first (reset.yml, then cluster.yml): needed after a range change.</source>
        <translation>先にリセットします（reset.ymlの後にcluster.yml）。アドレス範囲を変更した後は必須です。</translation>
    </message>
    <message>
        <source>Run the verification job after a successful deploy.</source>
        <translation>デプロイが成功したら、検証用のJobを実行します。</translation>
    </message>
    <message>
        <source>Run cluster.yml once more when it fails (announced in the log).</source>
        <translation>cluster.ymlが失敗したら、もう一度実行します（その旨をログに出力します）。</translation>
    </message>
    <message>
        <source>Deploy despite blocking findings or a range change without --reset.</source>
        <translation>要対応の指摘事項がある場合や、--resetなしでアドレス範囲を変更する場合でもデプロイします。</translation>
    </message>
    <message>
        <source>Ansible&apos;s detail level, 0 to 4 (-v … -vvvv).</source>
        <translation>Ansibleの出力の詳細度（0〜4、-v … -vvvvに相当）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>How long the verification job may take, in seconds (default 600).</source>
        <translation>検証用のJobの制限時間（秒、デフォルトは600）。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>The kubectl to use with artifacts/admin.conf (default: artifacts/kubectl, else PATH).</source>
        <translation>artifacts/admin.confと組み合わせて使うkubectl（デフォルト: artifacts/kubectl、なければPATH上のkubectl）。</translation>
    </message>
    <message>
        <source>PROGRAM</source>
        <translation>PROGRAM</translation>
    </message>
    <message>
        <source>error: --verbosity: “%1” is not a number from 0 to 4.</source>
        <translation>エラー: --verbosity: 「%1」は0〜4の数値ではありません。</translation>
    </message>
    <message>
        <source>error: --verify-timeout: “%1” is not a number of seconds.</source>
        <translation>エラー: --verify-timeout: 「%1」は秒数として認識できません。</translation>
    </message>
    <message>
        <source>Not deployed: the inventory has blocking findings (fix them with `apply` or the wizard, or deploy anyway with --force).</source>
        <translation>デプロイしませんでした。インベントリに要対応の指摘事項があります（`apply`またはウィザードで修正するか、--forceを指定してそのままデプロイしてください）。</translation>
    </message>
    <message>
        <source>Deploying anyway (--force).</source>
        <translation>--forceが指定されたため、そのままデプロイします。</translation>
    </message>
    <message>
        <source>Runs a job with the verification image on the cluster (through the inventory&apos;s artifacts/kubectl.sh or artifacts/admin.conf) and says whether it completed with exit code 0, or why not.</source>
        <translation>クラスタで検証用イメージのJobを実行し（インベントリのartifacts/kubectl.shまたはartifacts/admin.confを使用）、終了コード0で完了したかどうかと、完了しなかった場合はその理由を報告します。</translation>
    </message>
    <message>
        <source>The image to run (default: the site profile&apos;s verification image).</source>
        <translation>実行するイメージ（デフォルト: サイトプロファイルの検証用イメージ）。</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>IMAGE</translation>
    </message>
    <message>
        <source>How long the job may take, in seconds (default 600).</source>
        <translation>Jobの制限時間（秒、デフォルトは600）。</translation>
    </message>
    <message>
        <source>Exit codes: 0 the job completed with exit code 0; 1 it did not (the diagnosis says why); 2 bad input or no way to reach the cluster; 130 cancelled with Ctrl+C.</source>
        <translation>終了コード: 0=Jobが終了コード0で完了した、1=完了しなかった（理由は診断結果を参照）、2=入力に誤りがある、またはクラスタにアクセスする手段がない、130=Ctrl+Cで中止した。</translation>
    </message>
    <message>
        <source>error: --timeout: “%1” is not a number of seconds.</source>
        <translation>エラー: --timeout: 「%1」は秒数として認識できません。</translation>
    </message>
    <message>
        <source>Looks at every node of the inventory with Ansible, read-only: its addresses and routes, its resolv.conf, the company names through the company DNS, and each registry from the node.</source>
        <translation>Ansibleを使い、インベントリの全ノードを読み取り専用で調べます。調べるのは、各ノードのアドレスとルート、resolv.conf、社内DNSを使った社内の名前の名前解決、ノードから各レジストリへの接続です。</translation>
    </message>
    <message>
        <source>The SSH password of the nodes, from the first line of FILE (never on the command line).</source>
        <translation>ノードのSSHパスワード。FILEの1行目から読み込みます（コマンドラインには直接書けません）。</translation>
    </message>
    <message>
        <source>The sudo password, from the first line of FILE (default: the SSH password).</source>
        <translation>sudoパスワード。FILEの1行目から読み込みます（デフォルト: SSHパスワードと同じ）。</translation>
    </message>
    <message>
        <source>SSH password for the nodes (Enter: key-based login): </source>
        <translation>ノードのSSHパスワード（Enterのみ: 鍵認証でログイン）: </translation>
    </message>
    <message>
        <source>%1 [%2] %3 %4</source>
        <translation>%1 [%2] %3 %4</translation>
    </message>
    <message>
        <source>First ask the registries and the company DNS of the site profile how they answer from here, and fix what they answer too (a registry&apos;s scheme or an untrusted certificate the profile does not state).</source>
        <translation>先にこのマシンからサイトプロファイルのレジストリと社内DNSに問い合わせ、その結果に基づく問題も修正します（プロファイルに書かれていないレジストリのスキームや、信頼されていない証明書など）。</translation>
    </message>
    <message>
        <source>error: --probe needs a site profile (--site FILE).</source>
        <translation>エラー: --probeにはサイトプロファイル（--site FILE）が必要です。</translation>
    </message>
</context>
<context>
    <name>ContainerdPreview</name>
    <message>
        <source>container_manager is %1: Kubespray does not configure containerd, so none of this applies.</source>
        <translation>container_managerが%1のため、Kubesprayはcontainerdを設定しません。ここに示す内容は適用されません。</translation>
    </message>
    <message>
        <source>Kubespray release unknown: shown as the newest releases read it (containerd_registries_mirrors, hosts.toml).</source>
        <translation>Kubesprayのバージョンが不明です。最新のリリースが読む形（containerd_registries_mirrors、hosts.toml）で表示しています。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries (registry name → endpoint URLs), written into config.toml; containerd_insecure_registries must stay unset, as next to containerd_registries it makes containerd refuse its configuration.</source>
        <translation>Kubespray %1: containerd_registries（レジストリ名 → エンドポイントURL）がconfig.tomlに書き込まれます。containerd_insecure_registriesは設定しないでください。containerd_registriesと併用するとcontainerdが設定を拒否します。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries (registry name → endpoint URLs), written into config.toml.</source>
        <translation>Kubespray %1: containerd_registries（レジストリ名 → エンドポイントURL）がconfig.tomlに書き込まれます。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries_mirrors without server: (the fallback is always https://&lt;prefix&gt;), and containerd_use_config_path so containerd reads hosts.toml.</source>
        <translation>Kubespray %1: server:なしのcontainerd_registries_mirrors（フォールバック先は常にhttps://&lt;prefix&gt;）と、containerdにhosts.tomlを読ませるcontainerd_use_config_pathを使います。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries_mirrors without server: (the fallback is always https://&lt;prefix&gt;), but containerd_use_config_path is off, so the list is written into config.toml (the hosts.toml files are written too, but not read).</source>
        <translation>Kubespray %1: server:なしのcontainerd_registries_mirrors（フォールバック先は常にhttps://&lt;prefix&gt;）を使いますが、containerd_use_config_pathがオフのため、リストはconfig.tomlに書き込まれます（hosts.tomlも書き込まれますが、読まれません）。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries_mirrors with server:, and containerd_use_config_path so containerd reads hosts.toml.</source>
        <translation>Kubespray %1: server:付きのcontainerd_registries_mirrorsと、containerdにhosts.tomlを読ませるcontainerd_use_config_pathを使います。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries_mirrors with server:, but containerd_use_config_path is off, so the list is written into config.toml (the hosts.toml files are written too, but not read).</source>
        <translation>Kubespray %1: server:付きのcontainerd_registries_mirrorsを使いますが、containerd_use_config_pathがオフのため、リストはconfig.tomlに書き込まれます（hosts.tomlも書き込まれますが、読まれません）。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries_mirrors with server:, and containerd always reads hosts.toml.</source>
        <translation>Kubespray %1: server:付きのcontainerd_registries_mirrorsを使い、containerdは常にhosts.tomlを読みます。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries_mirrors with server:, ca and client, and containerd always reads hosts.toml.</source>
        <translation>Kubespray %1: server:、ca、client付きのcontainerd_registries_mirrorsを使い、containerdは常にhosts.tomlを読みます。</translation>
    </message>
    <message>
        <source>Kubespray %1: containerd_registries_mirrors with server:, ca, client and header, and containerd always reads hosts.toml.</source>
        <translation>Kubespray %1: server:、ca、client、header付きのcontainerd_registries_mirrorsを使い、containerdは常にhosts.tomlを読みます。</translation>
    </message>
    <message>
        <source>%1 is a Jinja expression here; the preview cannot evaluate it.</source>
        <translation>%1はここではJinjaの式のため、プレビューでは評価できません。</translation>
    </message>
    <message>
        <source>(only the registry part)</source>
        <translation>（レジストリの部分のみ）</translation>
    </message>
</context>
<context>
    <name>DemoWorkspace</name>
    <message>
        <source>Cannot create the demo folder.</source>
        <translation>デモ用のフォルダを作成できません。</translation>
    </message>
    <message>
        <source>Cannot copy the demo file.</source>
        <translation>デモ用のファイルをコピーできません。</translation>
    </message>
    <message>
        <source>The program carries no demo.</source>
        <translation>このプログラムにはデモが含まれていません。</translation>
    </message>
</context>
<context>
    <name>DeployPage</name>
    <message>
        <source>Kubespray builds the cluster with Ansible over SSH. A change of the address ranges needs the cluster rebuilt: reset.yml removes Kubernetes from the nodes, then cluster.yml installs it again with the saved settings (15 to 60 minutes). The passwords are handed to Ansible through files only you can read, which are deleted when the run ends; they are never stored.</source>
        <translation>Kubesprayは、AnsibleでノードにSSH接続してクラスタを構築します。アドレス範囲を変更した場合は、クラスタを作り直す必要があります。reset.ymlでノードからKubernetesを削除した後、cluster.ymlで保存済みの設定を使って再度インストールします（15〜60分かかります）。パスワードは、あなたしか読み取れないファイルを通じてAnsibleに渡され、実行が終わると削除されます。パスワードが保存されることはありません。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>&amp;Re-deploy: reset, then cluster</source>
        <translation>再デプロイ: リセット後にクラスタを構築(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cluster only (no reset)</source>
        <translation>クラスタの構築のみ（リセットなし）(&amp;C)</translation>
    </message>
    <message>
        <source>Passwords (never stored)</source>
        <translation>パスワード（保存されません）</translation>
    </message>
    <message>
        <source>&amp;SSH password:</source>
        <translation>SSHパスワード(&amp;S):</translation>
    </message>
    <message>
        <source>empty: SSH keys</source>
        <translation>空欄: SSH鍵で接続</translation>
    </message>
    <message>
        <source>sudo password is the sa&amp;me</source>
        <translation>sudoパスワードも同じ(&amp;M)</translation>
    </message>
    <message>
        <source>s&amp;udo password:</source>
        <translation>sudoパスワード(&amp;U):</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Run cluster.yml once more if it &amp;fails</source>
        <translation>失敗したらcluster.ymlをもう一度実行する(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Verify with a job afterwards</source>
        <translation>完了後にJobで検証する(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Detail of the log:</source>
        <translation>ログの詳細度(&amp;D):</translation>
    </message>
    <message>
        <source>De&amp;ploy</source>
        <translation>デプロイ(&amp;P)</translation>
    </message>
    <message>
        <source>Runs a read-only playbook on the nodes: their addresses and routes, resolv.conf, the company names through the company DNS, and each registry&apos;s /v2/ from the node. Nothing on the nodes is changed.</source>
        <translation>読み取り専用のplaybookをノード上で実行し、各ノードのアドレスとルート、resolv.conf、社内DNSを使った社内の名前の名前解決、ノードから各レジストリの/v2/への接続を確認します。ノード上では何も変更しません。</translation>
    </message>
    <message>
        <source>Deploy</source>
        <comment>@title:page</comment>
        <translation>デプロイ</translation>
    </message>
    <message>
        <source>Run Kubespray&apos;s playbooks on the nodes with the saved settings.</source>
        <comment>@subtitle:page</comment>
        <translation>保存した設定で、Kubesprayのplaybookをノードに対して実行します。</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>@item:inlistbox log detail</comment>
        <translation>標準</translation>
    </message>
    <message>
        <source>More (-v)</source>
        <comment>@item:inlistbox log detail</comment>
        <translation>詳しく（-v）</translation>
    </message>
    <message>
        <source>Much more (-vv)</source>
        <comment>@item:inlistbox log detail</comment>
        <translation>さらに詳しく（-vv）</translation>
    </message>
    <message>
        <source>Connection debugging (-vvv)</source>
        <comment>@item:inlistbox log detail</comment>
        <translation>接続のデバッグ（-vvv）</translation>
    </message>
    <message>
        <source>Everything (-vvvv)</source>
        <comment>@item:inlistbox log detail</comment>
        <translation>すべて（-vvvv）</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <comment>@info</comment>
        <translation>ステップ%1/%2: %3</translation>
    </message>
    <message>
        <source>Open an inventory first.</source>
        <comment>@info</comment>
        <translation>先にインベントリを開いてください。</translation>
    </message>
    <message numerus="yes">
        <source>The pages hold changes that are not saved yet (%n file(s)); the playbooks would run with the files as they are on disk. Save them on the Review page first.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>各ページに未保存の変更があります（%n個のファイル）。このままでは、playbookはディスク上の現在のファイルで実行されます。先に「確認と保存」ページで保存してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy with blocking findings?</source>
        <comment>@title:window</comment>
        <translation>要対応の指摘事項が残ったままデプロイしますか？</translation>
    </message>
    <message>
        <source>Reset the cluster?</source>
        <comment>@title:window</comment>
        <translation>クラスタをリセットしますか？</translation>
    </message>
    <message>
        <source>%1

Reset the nodes of %2 now?</source>
        <translation>%1

%2のノードを今すぐリセットしますか？</translation>
    </message>
    <message>
        <source>The check of the nodes could not start: %1</source>
        <comment>@info</comment>
        <translation>ノードの確認を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Checking the nodes (read-only)…</source>
        <comment>@info</comment>
        <translation>ノードを確認しています（読み取り専用）…</translation>
    </message>
    <message>
        <source>The nodes answered; what they said is below.</source>
        <comment>@info</comment>
        <translation>ノードから応答がありました。結果を以下に示します。</translation>
    </message>
    <message>
        <source>The check of the nodes ended early: %1</source>
        <comment>@info</comment>
        <translation>ノードの確認が途中で終了しました: %1</translation>
    </message>
    <message>
        <source>Reset onl&amp;y</source>
        <translation>リセットのみ(&amp;Y)</translation>
    </message>
    <message>
        <source>C&amp;heck the nodes first</source>
        <translation>先にノードを確認(&amp;H)</translation>
    </message>
    <message>
        <source>The inventory still has blocking findings; the cluster is likely to fail in the way they describe. Deploy anyway?</source>
        <translation>インベントリには「要対応」の指摘事項がまだ残っています。クラスタは、指摘事項に書かれているとおりに失敗する可能性が高いです。それでもデプロイしますか？</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <comment>@action:button</comment>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <source>Shows the action, passwords and options again; the log of the last run stays below.</source>
        <translation>実行内容・パスワード・オプションをもう一度表示します。前回の実行ログは下に残ります。</translation>
    </message>
    <message>
        <source>Ansible fits this Kubespray release, and the deploy leaves kubectl access behind.</source>
        <comment>@info findings</comment>
        <translation>AnsibleはこのKubesprayリリースの要件を満たしており、デプロイ後にkubectlで操作できるようになります。</translation>
    </message>
    <message>
        <source>%1 (Ansible&apos;s default: the user running the wizard)</source>
        <comment>@info</comment>
        <translation>%1（Ansibleの既定値: ウィザードを実行しているユーザー）</translation>
    </message>
    <message numerus="yes">
        <source>Runs %1 from %2 on %n host(s) (%3), logging in over SSH as %4.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>%2から%1を%n台のホスト（%3）に対して実行します。SSHのログインユーザーは%4です。</numerusform>
        </translation>
    </message>
    <message>
        <source>, then </source>
        <comment>@info list of playbooks</comment>
        <translation>、続いて</translation>
    </message>
</context>
<context>
    <name>DeployPlan</name>
    <message>
        <source>&quot;Cluster only&quot; cannot apply these changes: Kubespray cannot move a running cluster to other address ranges, so the nodes would keep the old ones. Choose &quot;Re-deploy&quot; (reset, then cluster).
%1</source>
        <translation>「クラスタの構築のみ」では、これらの変更を反映できません。Kubesprayは稼働中のクラスタを別のアドレス範囲に移せないため、ノードには古いアドレス範囲が残ります。「再デプロイ」（リセット後にクラスタを構築）を選んでください。
%1</translation>
    </message>
    <message>
        <source>Kubespray&apos;s reset.yml removes Kubernetes from every node of the inventory:
• every workload, volume on the nodes and setting stored in the cluster (etcd) is deleted;
• kubelet, containerd&apos;s images and containers, the CNI and the certificates are removed;
• it flushes the nodes&apos; iptables rules, which has locked people out of SSH on nodes whose firewall allowed SSH only through those rules;
• it rewrites /etc/resolv.conf and restarts networking pieces, so name resolution on the nodes changes for a while.
Nothing in the inventory folder is changed.</source>
        <translation>Kubesprayのreset.ymlは、インベントリのすべてのノードからKubernetesを削除します:
• すべてのワークロード、ノード上のボリューム、クラスタ（etcd）に保存された設定が削除されます。
• kubelet、containerdのイメージとコンテナ、CNI、証明書が削除されます。
• ノードのiptablesのルールが消去されます。ファイアウォールがこれらのルールによってのみSSHを許可していたノードでは、これが原因でSSHで接続できなくなった例があります。
• /etc/resolv.confが書き換えられ、ネットワーク関連のコンポーネントが再起動されるため、しばらくの間ノード上の名前解決が変わります。
インベントリのフォルダ内のファイルは何も変更されません。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>DeployRecord</name>
    <message>
        <source>Cannot read the deploy record: %1</source>
        <translation>デプロイの記録を読み込めません: %1</translation>
    </message>
    <message>
        <source>The deploy record is not a JSON object (at byte %1: %2).</source>
        <translation>デプロイの記録がJSONオブジェクトではありません（%1バイト目: %2）。</translation>
    </message>
    <message>
        <source>Unknown deploy action &quot;%1&quot;.</source>
        <translation>不明なデプロイ操作「%1」です。</translation>
    </message>
    <message>
        <source>Cannot keep the deploy record: %1</source>
        <translation>デプロイの記録を保存できません: %1</translation>
    </message>
</context>
<context>
    <name>DnsPage</name>
    <message>
        <source>Pods ask the cluster&apos;s DNS for every name. Cluster names (services, pods) it answers itself; every other name goes to upstream servers, by default the ones in the node&apos;s /etc/resolv.conf. So a name only the company DNS knows fails inside pods, even when it works on the node, until the company DNS is named here. NodeLocalDNS, on by default, is a small DNS cache on every node that pods ask first: it passes cluster names to CoreDNS but sends every other name straight upstream, which is why company zones are written for NodeLocalDNS as well as for CoreDNS.</source>
        <comment>@info</comment>
        <translation>Podは、どの名前の名前解決もクラスタのDNSに問い合わせます。クラスタ内の名前（ServiceやPod）にはクラスタのDNS自身が応答し、それ以外の名前はすべて上位のDNSサーバーに転送されます。転送先は、デフォルトではノードの/etc/resolv.confに書かれているDNSサーバーです。そのため、社内DNSにしか登録されていない名前は、ノード上では解決できても、ここで社内DNSを指定するまではPodの中では解決できません。NodeLocalDNS（デフォルトで有効）は各ノードで動く小さなDNSキャッシュで、Podは最初にここへ問い合わせます。NodeLocalDNSはクラスタ内の名前をCoreDNSに渡しますが、それ以外の名前は上位のDNSサーバーへ直接送ります。社内ゾーンの設定をCoreDNSだけでなくNodeLocalDNSにも書き込むのはこのためです。</translation>
    </message>
    <message>
        <source>Forward &amp;every name outside the cluster to the company DNS (upstream_dns_servers)</source>
        <comment>@option:radio</comment>
        <translation>クラスタ外の名前をすべて社内DNSに転送する（upstream_dns_servers）(&amp;E)</translation>
    </message>
    <message>
        <source>Forward only the company &amp;zones to it (coredns_external_zones, nodelocaldns_external_zones)</source>
        <comment>@option:radio</comment>
        <translation>社内ゾーンの名前だけを社内DNSに転送する（coredns_external_zones、nodelocaldns_external_zones）(&amp;Z)</translation>
    </message>
    <message>
        <source>Company DNS &amp;servers:</source>
        <comment>@label:textbox</comment>
        <translation>社内DNSサーバー(&amp;S):</translation>
    </message>
    <message>
        <source>10.244.10.130, 10.244.10.131</source>
        <comment>@info:placeholder</comment>
        <translation>10.244.10.130, 10.244.10.131</translation>
    </message>
    <message>
        <source>corp.example.com, example.internal</source>
        <comment>@info:placeholder</comment>
        <translation>corp.example.com, example.internal</translation>
    </message>
    <message>
        <source>How pods&apos; names will be &amp;resolved after saving:</source>
        <comment>@label</comment>
        <translation>保存後のPodの名前解決の流れ(&amp;R):</translation>
    </message>
    <message>
        <source>DNS</source>
        <comment>@title:page</comment>
        <translation>名前解決（DNS）</translation>
    </message>
    <message>
        <source>How should pods reach the company DNS?</source>
        <comment>@subtitle:page</comment>
        <translation>Podから社内DNSをどのように参照させますか？</translation>
    </message>
    <message>
        <source>The addresses of the company DNS servers, separated by commas or spaces.</source>
        <comment>@info:whatsthis</comment>
        <translation>社内DNSサーバーのアドレスです。複数ある場合は、カンマまたは空白で区切ります。</translation>
    </message>
    <message>
        <source>The company&apos;s DNS domains (zones) whose names only the company DNS knows, such as corp.example.com.</source>
        <comment>@info:whatsthis</comment>
        <translation>社内DNSにしか登録されていない名前を含む、社内のDNSドメイン（ゾーン）です。corp.example.comなど。</translation>
    </message>
    <message>
        <source>NodeLocalDNS is on: pods ask it first, and it sends names outside the cluster straight upstream without asking CoreDNS. So the zones are written twice: coredns_external_zones for CoreDNS and nodelocaldns_external_zones for NodeLocalDNS.</source>
        <comment>@info</comment>
        <translation>NodeLocalDNSが有効です。Podは最初にNodeLocalDNSへ問い合わせ、NodeLocalDNSはクラスタ外の名前をCoreDNSを通さずに上位のDNSサーバーへ直接送ります。そのため、ゾーンはCoreDNS用のcoredns_external_zonesと、NodeLocalDNS用のnodelocaldns_external_zonesの2か所に書き込みます。</translation>
    </message>
    <message>
        <source>NodeLocalDNS is on: pods ask it first, and it sends names outside the cluster straight upstream without asking CoreDNS. Both read upstream_dns_servers, so that one setting reaches both.</source>
        <comment>@info</comment>
        <translation>NodeLocalDNSが有効です。Podは最初にNodeLocalDNSへ問い合わせ、NodeLocalDNSはクラスタ外の名前をCoreDNSを通さずに上位のDNSサーバーへ直接送ります。upstream_dns_serversはCoreDNSとNodeLocalDNSの両方が読み込むため、この1つの設定で両方に反映されます。</translation>
    </message>
    <message>
        <source>Nothing to preview: %1</source>
        <comment>@info</comment>
        <translation>プレビューを表示できません: %1</translation>
    </message>
    <message>
        <source>Company z&amp;ones:</source>
        <comment>@label:textbox</comment>
        <translation>社内ゾーン(&amp;O):</translation>
    </message>
    <message>
        <source>As&amp;k the company DNS</source>
        <comment>@action:button</comment>
        <translation>社内DNSに問い合わせる(&amp;K)</translation>
    </message>
    <message>
        <source>Resolves the company&apos;s names through the company DNS and through this machine&apos;s own resolver, to show which names only the company DNS knows.</source>
        <translation>社内の名前を、社内DNSとこのマシン自身のリゾルバの両方で名前解決し、社内DNSにしか登録されていない名前を示します。</translation>
    </message>
    <message>
        <source>Only the company DNS resolves %1: pods will not, until it is named here.</source>
        <comment>@info probe</comment>
        <translation>%1は社内DNSでしか解決できません。ここで社内DNSを指定するまで、Podからは解決できません。</translation>
    </message>
    <message>
        <source>No company DNS server or name to ask.</source>
        <comment>@info probe</comment>
        <translation>問い合わせる社内DNSサーバーまたは名前がありません。</translation>
    </message>
    <message>
        <source>With the files as they are today:</source>
        <translation>現在のファイルのままだと:</translation>
    </message>
    <message>
        <source>After saving the choices on this page:</source>
        <translation>このページの設定を保存した後:</translation>
    </message>
    <message>
        <source>Pods ask the company DNS for the names only it knows.</source>
        <comment>@info findings</comment>
        <translation>社内DNSだけが知っている名前は、Podから社内DNSに問い合わせます。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red: what would break follows what you type.</source>
        <comment>@info findings</comment>
        <translation>赤枠の欄を直してください。問題の判定は入力内容に合わせて更新されます。</translation>
    </message>
</context>
<context>
    <name>DnsPreview</name>
    <message>
        <source>the DNS servers in the node&apos;s /etc/resolv.conf</source>
        <translation>ノードの/etc/resolv.confにあるDNSサーバー</translation>
    </message>
    <message>
        <source>dns_mode is %1: Kubespray does not set up CoreDNS, so it decides no forwarding.</source>
        <translation>dns_modeが%1のため、KubesprayはCoreDNSを構築せず、転送先も決めません。</translation>
    </message>
    <message>
        <source>Pods ask NodeLocalDNS at %1 on their own node.</source>
        <translation>Podは自分のノード上のNodeLocalDNS（%1）に問い合わせます。</translation>
    </message>
    <message>
        <source>NodeLocalDNS sends cluster names (%1) and reverse lookups to CoreDNS at %2.</source>
        <translation>NodeLocalDNSはクラスタ内の名前（%1）と逆引きを、CoreDNS（%2）に送ります。</translation>
    </message>
    <message>
        <source>NodeLocalDNS sends %1 to %2.</source>
        <translation>NodeLocalDNSは%1を%2に送ります。</translation>
    </message>
    <message>
        <source>NodeLocalDNS sends every other name straight to %1.</source>
        <translation>NodeLocalDNSはそれ以外の名前をすべて、直接%1に送ります。</translation>
    </message>
    <message>
        <source>CoreDNS would send %1 to %2, but NodeLocalDNS never passes these names to it.</source>
        <translation>CoreDNSは%1を%2に送る設定ですが、NodeLocalDNSがこれらの名前をCoreDNSに渡すことはありません。</translation>
    </message>
    <message>
        <source>Pods ask CoreDNS at %1.</source>
        <translation>PodはCoreDNS（%1）に問い合わせます。</translation>
    </message>
    <message>
        <source>CoreDNS answers cluster names (%1) itself.</source>
        <translation>CoreDNSはクラスタ内の名前（%1）に自分で応答します。</translation>
    </message>
    <message>
        <source>CoreDNS sends %1 to %2.</source>
        <translation>CoreDNSは%1を%2に送ります。</translation>
    </message>
    <message>
        <source>CoreDNS sends every other name to %1.</source>
        <translation>CoreDNSはそれ以外の名前をすべて%1に送ります。</translation>
    </message>
</context>
<context>
    <name>DnsProbe</name>
    <message>
        <source>“%1” is not a valid DNS name: %2</source>
        <translation>「%1」は有効なDNS名ではありません: %2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>空です</translation>
    </message>
    <message>
        <source>it is an IP address, not a name</source>
        <translation>名前ではなくIPアドレスです</translation>
    </message>
    <message>
        <source>it cannot be written as an ASCII (IDNA) name</source>
        <translation>ASCII（IDNA）の名前に変換できません</translation>
    </message>
    <message>
        <source>it is longer than 253 characters</source>
        <translation>253文字を超えています</translation>
    </message>
    <message>
        <source>it has an empty label (two dots in a row, or a dot at the start)</source>
        <translation>空のラベルがあります（ドットが2つ続いているか、先頭がドットです）</translation>
    </message>
    <message>
        <source>the label “%1” is longer than 63 characters</source>
        <translation>ラベル「%1」が63文字を超えています</translation>
    </message>
    <message>
        <source>it contains “%1”; only letters, digits, “-” and “_” are allowed</source>
        <translation>「%1」が含まれています（使用できるのは英字、数字、「-」、「_」だけです）</translation>
    </message>
    <message>
        <source>the label “%1” starts or ends with “-”</source>
        <translation>ラベル「%1」が「-」で始まっているか、「-」で終わっています</translation>
    </message>
    <message>
        <source>No DNS server address was given.</source>
        <translation>DNSサーバーのアドレスが指定されていません。</translation>
    </message>
    <message>
        <source>%1 is an IPv6 address, and IPv6 DNS servers are not supported: Qt 6.4 would silently ask this machine&apos;s resolver instead of %1. Give the DNS server&apos;s IPv4 address.</source>
        <translation>%1はIPv6アドレスですが、IPv6のDNSサーバーには対応していません。Qt 6.4では、%1ではなくこのマシンのリゾルバに黙って問い合わせてしまうためです。DNSサーバーのIPv4アドレスを指定してください。</translation>
    </message>
    <message>
        <source>“%1” is not an IP address. Give the DNS server&apos;s IPv4 address, such as 10.244.10.130 (the port is always 53).</source>
        <translation>「%1」はIPアドレスではありません。10.244.10.130のように、DNSサーバーのIPv4アドレスを指定してください（ポートは常に53です）。</translation>
    </message>
    <message>
        <source>%1 cannot be the address of a DNS server.</source>
        <translation>%1はDNSサーバーのアドレスとして使用できません。</translation>
    </message>
    <message>
        <source>no address records</source>
        <translation>アドレスレコードがありません</translation>
    </message>
    <message>
        <source>not found (NXDOMAIN)</source>
        <translation>見つかりません（NXDOMAIN）</translation>
    </message>
    <message>
        <source>no address records, or no usable answer (refused, nothing listening on port 53, or an invalid reply)</source>
        <translation>アドレスレコードがないか、使用できる応答がありません（拒否された、ポート53で何も待ち受けていない、または不正な応答）</translation>
    </message>
    <message>
        <source>server failure (SERVFAIL)</source>
        <translation>サーバーエラー（SERVFAIL）</translation>
    </message>
    <message>
        <source>the server refused to answer (REFUSED)</source>
        <translation>サーバーが応答を拒否しました（REFUSED）</translation>
    </message>
    <message>
        <source>lookup failed: %1</source>
        <translation>名前解決に失敗しました: %1</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>%1ミリ秒以内に応答がありません</translation>
    </message>
    <message>
        <source>not asked: for %1 ms none of Qt&apos;s 5 DNS lookup threads came free (they still wait for earlier lookups that got no answer)</source>
        <translation>問い合わせていません: %1ミリ秒待っても、Qtの5つのDNS問い合わせスレッドがどれも空きませんでした（応答のなかった以前の問い合わせをまだ待っています）</translation>
    </message>
    <message>
        <source>DNS check through %1 not done: %2</source>
        <translation>%1を使ったDNSの確認を実行できませんでした: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Names checked: %1.</source>
        <translation>確認した名前: %1件。</translation>
    </message>
    <message>
        <source>No name is known only to %1.</source>
        <translation>%1だけが解決できる名前はありません。</translation>
    </message>
    <message>
        <source>Only %1 knows %2: %3.</source>
        <translation>%1だけが解決できる名前（%2件）: %3。</translation>
    </message>
    <message>
        <source>Both %1 and this machine&apos;s resolver know %2: %3.</source>
        <translation>%1とこのマシンのリゾルバの両方で解決できる名前（%2件）: %3。</translation>
    </message>
    <message>
        <source>Only this machine&apos;s resolver knows %1: %2.</source>
        <translation>このマシンのリゾルバだけが解決できる名前（%1件）: %2。</translation>
    </message>
    <message>
        <source>Neither knows %1: %2.</source>
        <translation>どちらでも解決できない名前（%1件）: %2。</translation>
    </message>
    <message>
        <source>Not valid DNS names, not looked up: %1.</source>
        <translation>有効なDNS名ではないため、問い合わせなかった名前: %1。</translation>
    </message>
    <message>
        <source>DNS lookups need a running QCoreApplication.</source>
        <translation>DNSの問い合わせには、実行中のQCoreApplicationが必要です。</translation>
    </message>
    <message>
        <source>No names to look up were given.</source>
        <translation>問い合わせる名前が指定されていません。</translation>
    </message>
</context>
<context>
    <name>DurableFile</name>
    <message>
        <source>Cannot open the folder to sync it: %1</source>
        <translation>フォルダを同期のために開けません: %1</translation>
    </message>
    <message>
        <source>Cannot sync the folder: %1</source>
        <translation>フォルダをディスクに同期できません: %1</translation>
    </message>
    <message>
        <source>Cannot create the file: %1</source>
        <translation>ファイルを作成できません: %1</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>ファイルを書き込めません: %1</translation>
    </message>
    <message>
        <source>Cannot read back the file: %1</source>
        <translation>書き込んだファイルを確認できません: %1</translation>
    </message>
    <message>
        <source>Cannot give the file its owner and group back: %1</source>
        <translation>ファイルの所有者とグループを元どおりにできません: %1</translation>
    </message>
    <message>
        <source>Cannot give the file its permissions back: %1</source>
        <translation>ファイルのアクセス権を元どおりにできません: %1</translation>
    </message>
    <message>
        <source>Cannot write the file to disk: %1</source>
        <translation>ファイルをディスクに書き込めません: %1</translation>
    </message>
    <message>
        <source>The written file is incomplete: %1</source>
        <translation>書き込んだファイルが不完全です: %1</translation>
    </message>
    <message>
        <source>Cannot replace the file: %1</source>
        <translation>ファイルを置き換えられません: %1</translation>
    </message>
    <message>
        <source>Cannot remove the file: %1</source>
        <translation>ファイルを削除できません: %1</translation>
    </message>
    <message>
        <source>Cannot create the folder: %1</source>
        <translation>フォルダを作成できません: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>FileTransaction</name>
    <message>
        <source>The file changed on disk since it was read; nothing was written. Load it again.</source>
        <translation>読み込んだ後にファイルがディスク上で変更されたため、何も書き込みませんでした。もう一度読み込んでください。</translation>
    </message>
    <message>
        <source>Cannot replace the file: %1</source>
        <translation>ファイルを置き換えられません: %1</translation>
    </message>
    <message>
        <source>Cannot create the file: %1</source>
        <translation>ファイルを作成できません: %1</translation>
    </message>
    <message>
        <source>Cannot remove the file: %1</source>
        <translation>ファイルを削除できません: %1</translation>
    </message>
    <message>
        <source>An interrupted save was completed: %1.</source>
        <translation>中断された保存を完了しました: %1。</translation>
    </message>
    <message>
        <source>An interrupted save was undone; the files are as they were before it: %1.</source>
        <translation>中断された保存を取り消しました。ファイルは保存前の状態です: %1。</translation>
    </message>
    <message>
        <source>Changed by someone else since, and left as they are: %1.</source>
        <translation>その後ほかから変更されたため、そのままにしたファイル: %1。</translation>
    </message>
    <message>
        <source>Nothing to write: the files already hold these contents.</source>
        <translation>書き込むものはありません。ファイルはすでにこの内容です。</translation>
    </message>
    <message>
        <source>The journal of an interrupted save cannot be read; the inventory may be half written. Compare it with the history, then remove this file.</source>
        <translation>中断された保存のジャーナルを読み込めません。インベントリが書きかけの可能性があります。履歴と比べてから、このファイルを削除してください。</translation>
    </message>
    <message>
        <source>Another save of this inventory is in progress; nothing was written. Try again when it is done.</source>
        <translation>このインベントリは別の処理が保存している最中のため、何も書き込んでいません。その保存が終わってから、もう一度実行してください。</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>Variables and their shapes change between Kubespray releases. Open the inventory inside its Kubespray checkout, or give the version with --kubespray-version.</source>
        <translation>変数名や値の形式はKubesprayのリリースごとに変わります。Kubesprayディレクトリ内にあるインベントリを開くか、--kubespray-versionでバージョンを指定してください。</translation>
    </message>
    <message>
        <source>%1 defines no k8s_cluster group, which Kubespray %2 needs.</source>
        <translation>%1にk8s_clusterグループが定義されていません。Kubespray %2ではこのグループが必要です。</translation>
    </message>
    <message>
        <source>Before v2.27 Kubespray does not build k8s_cluster itself: without it, group_vars/k8s_cluster is never read and the playbooks find no nodes. Add k8s_cluster with the children kube_control_plane, kube_node and calico_rr.</source>
        <translation>v2.27より前のKubesprayは、k8s_clusterグループを自動では作りません。このグループがないとgroup_vars/k8s_clusterが読み込まれず、playbookが対象ノードを見つけられません。kube_control_plane、kube_node、calico_rrを子グループ（children）に持つk8s_clusterを追加してください。</translation>
    </message>
    <message>
        <source>The group %1 has no hosts in %2.</source>
        <translation>%2で、グループ%1にホストが1台もありません。</translation>
    </message>
    <message>
        <source>Kubespray needs at least one host in each of kube_control_plane, kube_node and etcd.</source>
        <translation>Kubesprayでは、kube_control_plane、kube_node、etcdの各グループに少なくとも1台のホストが必要です。</translation>
    </message>
    <message>
        <source>%1 is not a usable range: %2</source>
        <translation>%1は使用できるアドレス範囲ではありません: %2</translation>
    </message>
    <message>
        <source>Kubespray stops at its first check when a cluster range is not a network in CIDR notation.</source>
        <translation>クラスタのアドレス範囲がCIDR表記のネットワークになっていないと、Kubesprayは最初のチェックで停止します。</translation>
    </message>
    <message>
        <source>%1 (%2) contains %3, the address of %4.</source>
        <translation>%1（%2）に、%4のアドレス%3が含まれています。</translation>
    </message>
    <message>
        <source>Inside the cluster every address of this range is routed to pods or services, so %1 becomes unreachable from pods: pulls and requests to it fail. Choose a range that holds no company address.</source>
        <translation>クラスタ内では、この範囲のアドレス宛ての通信はすべてPodまたはServiceへルーティングされます。そのためPodから%1に到達できず、イメージのpullやリクエストが失敗します。社内のアドレスを含まない範囲を選んでください。</translation>
    </message>
    <message>
        <source>%1 (%2) overlaps the company network %3 (%4).</source>
        <translation>%1（%2）が社内ネットワーク%3（%4）と重なっています。</translation>
    </message>
    <message>
        <source>Pods could not reach the part of %1 that lies inside the cluster range. Choose a range that overlaps no company network.</source>
        <translation>%1のうちクラスタのアドレス範囲と重なる部分には、Podから到達できなくなります。社内ネットワークと重ならない範囲を選んでください。</translation>
    </message>
    <message>
        <source>%1 (%2) contains %3, the %4 of node %5.</source>
        <translation>%1（%2）に、ノード%5の%4に指定されたアドレス%3が含まれています。</translation>
    </message>
    <message>
        <source>%1 (%2) contains the NodeLocalDNS address %3.</source>
        <translation>%1（%2）にNodeLocalDNSのアドレス%3が含まれています。</translation>
    </message>
    <message>
        <source>NodeLocalDNS listens on this link-local address on every node; inside a cluster range, DNS queries of pods would go elsewhere.</source>
        <translation>NodeLocalDNSは各ノードでこのリンクローカルアドレスを待ち受けています。このアドレスがクラスタのアドレス範囲に含まれると、PodのDNS問い合わせが別の宛先に送られてしまいます。</translation>
    </message>
    <message>
        <source>The service range %1 and the pod range %2 overlap.</source>
        <translation>Serviceのアドレス範囲%1とPodのアドレス範囲%2が重なっています。</translation>
    </message>
    <message>
        <source>Service and pod addresses must be distinct. Kubespray itself only notices when the pod range lies inside the service range, not the other way round.</source>
        <translation>ServiceとPodのアドレスは重複してはいけません。Kubespray自身が検出するのはPodの範囲がServiceの範囲に含まれる場合だけで、逆の場合は検出しません。</translation>
    </message>
    <message>
        <source>Each node gets its own slice of the pod range. The range must hold a slice for every node, and a slice must hold the pods a node may run.</source>
        <translation>各ノードには、Podのアドレス範囲から専用のブロックが割り当てられます。範囲には全ノード分のブロックが必要で、各ブロックにはそのノードで動かせるPodの数だけアドレスが必要です。</translation>
    </message>
    <message>
        <source>The pod range %1 holds only %2 slices of /%3 for %4 nodes.</source>
        <translation>Podのアドレス範囲%1には/%3のブロックが%2個しか入らず、ノード%4台分に足りません。</translation>
    </message>
    <message>
        <source>The pod range %1 has %2 addresses, fewer than %3 nodes × %4 pods.</source>
        <translation>Podのアドレス範囲%1のアドレス数は%2個で、ノード%3台 × Pod %4個分に足りません。</translation>
    </message>
    <message>
        <source>A /%1 slice has %2 usable addresses, fewer than kubelet_max_pods (%3).</source>
        <translation>/%1のブロックで使えるアドレスは%2個で、kubelet_max_pods（%3）より少なくなっています。</translation>
    </message>
    <message>
        <source>%1 is set, but Kubespray %2 ignores it.</source>
        <translation>%1が設定されていますが、Kubespray %2はこの変数を無視します。</translation>
    </message>
    <message>
        <source>Since v2.23 registries are configured with containerd_registries_mirrors; the old variables are silently ignored.</source>
        <translation>v2.23以降、レジストリはcontainerd_registries_mirrorsで設定します。古い変数はエラーも出ずに無視されます。</translation>
    </message>
    <message>
        <source>The “server:” of the mirror entry %1 is ignored by Kubespray %2.</source>
        <translation>ミラーエントリ%1の「server:」は、Kubespray %2では無視されます。</translation>
    </message>
    <message>
        <source>Kubespray honours “server:” from v2.25 on; before that the fallback server is always https://&lt;prefix&gt;.</source>
        <translation>Kubesprayが「server:」を反映するのはv2.25以降です。それより前は、フォールバック先のサーバーが常にhttps://&lt;prefix&gt;になります。</translation>
    </message>
    <message>
        <source>containerd_registries_mirrors is set, but Kubespray %1 ignores it.</source>
        <translation>containerd_registries_mirrorsが設定されていますが、Kubespray %1はこの変数を無視します。</translation>
    </message>
    <message>
        <source>containerd_registries_mirrors exists from v2.23 on; this release reads containerd_registries.</source>
        <translation>containerd_registries_mirrorsはv2.23以降の変数です。このリリースではcontainerd_registriesが使われます。</translation>
    </message>
    <message>
        <source>The registry %1 speaks only HTTP, but containerd is not told so: it will try HTTPS and every pull fails.</source>
        <translation>レジストリ%1はHTTPにしか対応していませんが、containerdにそのことが設定されていません。containerdはHTTPSで接続しようとするため、pullがすべて失敗します。</translation>
    </message>
    <message>
        <source>containerd talks HTTPS to every registry unless a mirror entry names an http:// host for it. The pod then shows ErrImagePull with “server gave HTTP response to HTTPS client”.</source>
        <translation>containerdは、ミラーエントリでhttp://のホストが指定されていない限り、どのレジストリにもHTTPSで接続します。その場合、Podは「server gave HTTP response to HTTPS client」というエラーでErrImagePullになります。</translation>
    </message>
    <message>
        <source>The mirror for %1 works through the inline config.toml form, since containerd_use_config_path is off.</source>
        <translation>containerd_use_config_pathが無効なため、%1のミラーはconfig.tomlに直接書き込む形式で動作しています。</translation>
    </message>
    <message>
        <source>Kubespray v2.23–v2.26 render the mirror list into config.toml unless containerd_use_config_path is true; both forms work.</source>
        <translation>Kubespray v2.23〜v2.26は、containerd_use_config_pathがtrueでない限り、ミラーの一覧をconfig.tomlに書き込みます。どちらの形式でも動作します。</translation>
    </message>
    <message>
        <source>Company zones are forwarded by CoreDNS only, but NodeLocalDNS is on and answers the pods first.</source>
        <translation>社内ゾーンの転送がCoreDNSにしか設定されていません。NodeLocalDNSが有効なため、Podの問い合わせにはNodeLocalDNSが先に応答します。</translation>
    </message>
    <message>
        <source>NodeLocalDNS sends every non-cluster name straight to the upstream servers, bypassing CoreDNS&apos;s zones. Set nodelocaldns_external_zones as well.</source>
        <translation>NodeLocalDNSは、クラスタ外の名前をCoreDNSのゾーン設定を通さずに、上位のDNSサーバーへ直接送ります。nodelocaldns_external_zonesも設定してください。</translation>
    </message>
    <message>
        <source>Pods will not ask the company DNS (%1): names only it knows will not resolve inside the cluster.</source>
        <translation>Podは社内DNS（%1）に問い合わせません。社内DNSにしか登録されていない名前は、クラスタ内で名前解決できません。</translation>
    </message>
    <message>
        <source>CoreDNS and NodeLocalDNS forward names outside the cluster to the nodes&apos; resolv.conf unless upstream_dns_servers or zone forwarding names the company DNS. Image pulls use the node&apos;s resolver, but pods do not.</source>
        <translation>upstream_dns_serversまたはゾーンごとの転送で社内DNSを指定しない限り、CoreDNSとNodeLocalDNSはクラスタ外の名前をノードのresolv.confにあるDNSサーバーへ転送します。イメージのpullにはノードのリゾルバが使われますが、Podの名前解決には使われません。</translation>
    </message>
    <message>
        <source>Kubespray will not write artifacts/kubectl.sh: kubeconfig_localhost and kubectl_localhost must both be true.</source>
        <translation>Kubesprayはartifacts/kubectl.shを作成しません。kubeconfig_localhostとkubectl_localhostを両方ともtrueにする必要があります。</translation>
    </message>
    <message>
        <source>With both on, a deploy copies admin.conf and kubectl next to the inventory, so the cluster can be checked from this machine.</source>
        <translation>両方を有効にすると、デプロイ時にadmin.confとkubectlがインベントリのフォルダ（artifacts/）にコピーされ、このマシンからクラスタを確認できるようになります。</translation>
    </message>
    <message>
        <source>Ansible cannot be used: %1</source>
        <translation>Ansibleを使用できません: %1</translation>
    </message>
    <message>
        <source>Kubespray&apos;s docs install Ansible into venv/ inside the checkout: python3 -m venv venv &amp;&amp; venv/bin/pip install -r requirements.txt</source>
        <translation>Kubesprayのドキュメントでは、AnsibleをKubesprayディレクトリ内のvenv/にインストールします: python3 -m venv venv &amp;&amp; venv/bin/pip install -r requirements.txt</translation>
    </message>
    <message>
        <source>%1 is ansible-core %2, but Kubespray %3 requires %4.</source>
        <translation>%1のansible-coreは%2ですが、Kubespray %3で必要なバージョンは%4です。</translation>
    </message>
    <message>
        <source>Kubespray&apos;s first play stops with “Ansible must be between … exclusive” when the version does not fit. Install the version its requirements.txt names into the checkout&apos;s venv.</source>
        <translation>バージョンが合わないと、Kubesprayの最初のplayが「Ansible must be between … exclusive」で停止します。requirements.txtに記載されたバージョンを、Kubesprayディレクトリのvenvにインストールしてください。</translation>
    </message>
    <message>
        <source>The Python of %1 lacks %2.</source>
        <translation>%1が使用するPythonに%2がインストールされていません。</translation>
    </message>
    <message>
        <source>%1 is set for %2 only, at %3.</source>
        <translation>%1が%2だけに設定されています（%3）。</translation>
    </message>
    <message>
        <source>A cluster-wide setting that differs between hosts gives nodes different ideas of the cluster; the wizard shows and edits the cluster-wide value.</source>
        <translation>クラスタ全体で共通にすべき設定がホストごとに異なると、ノード間でクラスタの認識が食い違います。ウィザードが表示・編集するのはクラスタ全体の値です。</translation>
    </message>
    <message>
        <source>Someone reading the file from the top sees the first value; Ansible keeps the last. Remove one of them.</source>
        <translation>ファイルを上から読む人は最初の値を見ますが、Ansibleが使うのは最後の値です。どちらか一方を削除してください。</translation>
    </message>
    <message>
        <source>blocking</source>
        <translation>要対応</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Moving the service range also moves the cluster DNS address (skydns_server) and the API service address; the cluster must be reset and deployed again.</source>
        <translation>Serviceのアドレス範囲を変えると、クラスタDNSのアドレス（skydns_server）とAPIサーバーのServiceアドレスも変わります。クラスタをリセットしてから、デプロイし直す必要があります。</translation>
    </message>
    <message>
        <source>Kubespray cannot change the ranges of a running cluster: it must be reset and deployed again.</source>
        <translation>Kubesprayは稼働中のクラスタのアドレス範囲を変更できません。クラスタをリセットしてから、デプロイし直す必要があります。</translation>
    </message>
    <message>
        <source>This release reads containerd_registries; containerd_insecure_registries would make containerd refuse its configuration, so it is not used.</source>
        <translation>このリリースはcontainerd_registriesを読み込みます。containerd_insecure_registriesを使うとcontainerdが設定を受け付けなくなるため、使用しません。</translation>
    </message>
    <message>
        <source>containerd_use_config_path makes containerd read the per-registry hosts.toml files that Kubespray writes.</source>
        <translation>containerd_use_config_pathを有効にすると、Kubesprayがレジストリごとに書き出すhosts.tomlをcontainerdが読み込むようになります。</translation>
    </message>
    <message>
        <source>Every name that is not a cluster name is then asked of the company DNS, by CoreDNS, NodeLocalDNS and the nodes.</source>
        <translation>これにより、クラスタ内の名前以外はすべて、CoreDNS、NodeLocalDNS、各ノードから社内DNSに問い合わせられます。</translation>
    </message>
    <message>
        <source>NodeLocalDNS answers the pods first and sends other names straight upstream, so the zones are written for it as well as for CoreDNS.</source>
        <translation>NodeLocalDNSはPodの問い合わせに最初に応答し、クラスタ外の名前は上位のDNSサーバーへ直接送ります。そのため、ゾーン設定をCoreDNSだけでなくNodeLocalDNSにも書き込みます。</translation>
    </message>
    <message>
        <source>The Kubespray version could not be determined; the newest release&apos;s rules are assumed.</source>
        <translation>Kubesprayのバージョンを特定できませんでした。最新リリースのルールを前提にしています。</translation>
    </message>
    <message>
        <source>Nodes reach each other on this address; inside the cluster it would be routed to pods or services instead.</source>
        <translation>ノード同士はこのアドレスで通信します。このアドレスがクラスタのアドレス範囲に含まれると、クラスタ内ではPodやServiceへルーティングされてしまいます。</translation>
    </message>
    <message>
        <source>%1 is /%2, which does not fit inside the pod range %3.</source>
        <translation>%1は/%2で、Podのアドレス範囲%3に収まりません。</translation>
    </message>
    <message>
        <source>Kubespray&apos;s address filters need netaddr, and its templates need jmespath; without them the playbooks fail early.</source>
        <translation>Kubesprayのアドレス用フィルターにはnetaddrが、テンプレートにはjmespathが必要です。これらがないと、playbookは序盤で失敗します。</translation>
    </message>
    <message>
        <source>%1 is set more than once in %2 (lines %3 and %4); Ansible uses the last one.</source>
        <translation>%1が%2で複数回設定されています（%3行目と%4行目）。Ansibleが使うのは最後の値です。</translation>
    </message>
    <message>
        <source>The registry %1 shows a certificate nobody vouches for (%2): containerd will refuse to pull from it.</source>
        <translation>レジストリ%1は、誰も保証していない証明書を提示しているため、containerdはこのレジストリからのpullを拒否します。詳細: %2</translation>
    </message>
    <message>
        <source>The registry %1 cannot be reached from this machine: %2</source>
        <translation>このマシンからレジストリ%1に到達できません: %2</translation>
    </message>
    <message>
        <source>The nodes may see the network differently; the preflight asks from the nodes themselves.</source>
        <translation>ノードからはネットワークの見え方が異なる場合があります。事前チェック（preflight）では、ノード自身から問い合わせます。</translation>
    </message>
    <message>
        <source>%1 answers, but not as an image registry: %2</source>
        <translation>%1は応答しますが、イメージレジストリとしての応答ではありません: %2</translation>
    </message>
    <message>
        <source>A registry answers /v2/ with the header Docker-Distribution-Api-Version. Check the address and port in the site profile.</source>
        <translation>レジストリは/v2/に対して、Docker-Distribution-Api-Versionヘッダーを付けて応答します。サイトプロファイルのアドレスとポートを確認してください。</translation>
    </message>
    <message>
        <source>The registry %1 asks for credentials (%2).</source>
        <translation>レジストリ%1が認証情報を要求しています。詳細: %2</translation>
    </message>
    <message>
        <source>containerd needs them too: containerd_registry_auth for containerd 1.x, or a mirror header with Authorization from Kubespray v2.29 on.</source>
        <translation>containerdにも認証情報が必要です。containerd 1.xではcontainerd_registry_authを、Kubespray v2.29以降ではミラーエントリのheaderにAuthorizationを指定します。</translation>
    </message>
    <message>
        <source>The verification image %1 is not in its registry: %2</source>
        <translation>検証用イメージ%1がレジストリにありません: %2</translation>
    </message>
    <message>
        <source>The verification job would fail for that reason alone. Push the image, or name one the registry has.</source>
        <translation>これだけでも、検証用のJobは失敗します。イメージをpushするか、レジストリにあるイメージを指定してください。</translation>
    </message>
    <message>
        <source>Only the company DNS knows %1: this machine&apos;s resolver does not.</source>
        <translation>%1は社内DNSにしか登録されていません。このマシンのリゾルバでは解決できません。</translation>
    </message>
    <message>
        <source>Pods resolve names the same way unless the cluster forwards to the company DNS: that is what upstream_dns_servers or zone forwarding is for.</source>
        <translation>クラスタが社内DNSに転送しない限り、Podでも同じように解決できません。upstream_dns_serversやゾーンごとの転送は、そのための設定です。</translation>
    </message>
    <message>
        <source>%1 (%2) overlaps the address %3 of %4.</source>
        <translation>%1（%2）が、%4のアドレス%3と重なっています。</translation>
    </message>
    <message>
        <source>The preflight found this network on the node itself. Once the cluster runs, the node routes the range to pods or services and loses its way to the rest of that network. Choose a range that overlaps no network the nodes use.</source>
        <translation>事前チェックで、このネットワークがノード自身に設定されていることが分かりました。クラスタが稼働すると、ノードはこの範囲宛ての通信をPodやServiceへルーティングするため、そのネットワークの他の部分に到達できなくなります。ノードが使用しているどのネットワークとも重ならない範囲を選んでください。</translation>
    </message>
    <message>
        <source>%1 (%2) overlaps the route %3 of %4.</source>
        <translation>%1（%2）が、%4のルート%3と重なっています。</translation>
    </message>
    <message>
        <source>The preflight found this route on the node: something lives behind it. The cluster&apos;s more specific routes for the range would win, so the node and its pods could no longer reach that part of the network. Choose a range that overlaps no network the nodes use.</source>
        <translation>事前チェックで、ノードにこのルートがあることが分かりました。このルートの先には何かが存在します。クラスタがこの範囲に設定する、より具体的な（プレフィックス長の長い）ルートが優先されるため、ノードとそのPodは、ネットワークのその部分に到達できなくなります。ノードが使用しているどのネットワークとも重ならない範囲を選んでください。</translation>
    </message>
    <message>
        <source>Ansible could not reach node %1: %2</source>
        <translation>Ansibleがノード%1に到達できませんでした: %2</translation>
    </message>
    <message>
        <source>Kubespray stops on a node it cannot reach, and nothing about this node could be checked. Check its ansible_host, ansible_port and ansible_user, the SSH password or key, and that sshd runs on it.</source>
        <translation>Kubesprayは到達できないノードで停止します。また、このノードについては何も確認できませんでした。ansible_host、ansible_port、ansible_user、SSHのパスワードまたは鍵、ノードでsshdが動作しているかを確認してください。</translation>
    </message>
    <message>
        <source>The preflight could not examine node %1: %2</source>
        <translation>事前チェックでノード%1を調べられませんでした: %2</translation>
    </message>
    <message>
        <source>Ansible reached the node, but the read-only checks did not run there; Kubespray&apos;s tasks would fail the same way. Modules need python3 on the node.</source>
        <translation>Ansibleはノードに到達しましたが、読み取り専用のチェックをノード上で実行できませんでした。Kubesprayのタスクも同じように失敗します。Ansibleのモジュールを実行するには、ノードにpython3が必要です。</translation>
    </message>
    <message>
        <source>%1 cannot reach the registry %2 (%3): %4</source>
        <translation>%1からレジストリ%2（%3）に到達できません: %4</translation>
    </message>
    <message>
        <source>containerd pulls from the node itself: images from this registry will fail with ErrImagePull. Check the address and port, a firewall between the nodes and the registry, and for TLS errors the company CA on the nodes.</source>
        <translation>containerdはノード自身からpullするため、このレジストリのイメージはErrImagePullで失敗します。アドレスとポート、ノードとレジストリの間のファイアウォールを確認してください。TLSのエラーの場合は、社内の認証局（CA）の証明書がノードにインストールされているかも確認してください。</translation>
    </message>
    <message>
        <source>%1 cannot resolve %2 through the company DNS %3: %4</source>
        <translation>%1から社内DNS %3を使って%2を名前解決できません: %4</translation>
    </message>
    <message>
        <source>Asked from the node, the company DNS server gave no address. If it does not answer the nodes at all, forwarding the cluster&apos;s DNS to it cannot work either; if it does not know the name, pulls and requests by that name fail.</source>
        <translation>ノードから問い合わせたところ、社内DNSサーバーはアドレスを返しませんでした。社内DNSサーバーがノードにまったく応答しないのであれば、クラスタのDNSから社内DNSへの転送も機能しません。社内DNSサーバーがその名前を知らないのであれば、その名前を使ったpullやリクエストは失敗します。</translation>
    </message>
    <message>
        <source>With Kubespray %1, the registry %2 in containerd_insecure_registries, next to containerd_registries, makes containerd refuse its configuration.</source>
        <translation>Kubespray %1では、containerd_insecure_registriesのレジストリ%2がcontainerd_registriesと併用されているため、containerdが設定を受け付けません。</translation>
    </message>
    <message>
        <source>In this release the two variables write config_path and mirrors into the same config.toml, which containerd rejects, so no image pulls at all. The entry moves to containerd_registries (an http:// endpoint stays plain HTTP) and containerd_insecure_registries is emptied.</source>
        <translation>このリリースでは2つの変数がconfig_pathとmirrorsを同じconfig.tomlに書き込み、containerdがそれを拒否するため、イメージを一切取得できません。このエントリはcontainerd_registriesに移し（http://のエンドポイントはHTTPのままです）、containerd_insecure_registriesは空にします。</translation>
    </message>
    <message>
        <source>containerd will refuse the certificate of %1, and Kubespray %2 cannot be told otherwise here.</source>
        <translation>containerdは%1の証明書を拒否します。この構成では、Kubespray %2の設定でそれを変えることはできません。</translation>
    </message>
    <message>
        <source>The site profile says nobody vouches for the certificate of %1 (tls: skip-verify), but containerd is not told so: every pull fails.</source>
        <translation>サイトプロファイルでは%1の証明書は検証しない（tls: skip-verify）となっていますが、containerdにはそれが設定されていないため、pullはすべて失敗します。</translation>
    </message>
    <message>
        <source>The site profile says the certificate of %1 is signed by the CA in %2 on the nodes (tls: ca-file), but containerd is not told so: every pull fails.</source>
        <translation>サイトプロファイルでは%1の証明書はノード上の%2にあるCAで署名されている（tls: ca-file）となっていますが、containerdにはそれが設定されていないため、pullはすべて失敗します。</translation>
    </message>
    <message>
        <source>Pulls fail with “x509: certificate signed by unknown authority”. The fix tells containerd, in the form this Kubespray release reads; better than skipping the check is the company&apos;s CA on the nodes.</source>
        <translation>pullは「x509: certificate signed by unknown authority」で失敗します。修正案は、このKubesprayリリースが読み取る形式でcontainerdに設定を伝えます。検証を省略するより、社内CAをノードに導入するほうが望ましい対処です。</translation>
    </message>
    <message>
        <source>The site profile says the nodes trust the certificate of %1 (tls: verify), but this machine does not: %2</source>
        <translation>サイトプロファイルではノードが%1の証明書を信頼している（tls: verify）となっていますが、このマシンは信頼していません: %2</translation>
    </message>
    <message>
        <source>If the nodes lack the company&apos;s CA as well, pulls fail with “x509: certificate signed by unknown authority”: then write tls: skip-verify, or tls: {ca-file: PATH}, in the site profile.</source>
        <translation>ノードにも社内CAが入っていない場合、pullは「x509: certificate signed by unknown authority」で失敗します。その場合はサイトプロファイルに「tls: skip-verify」または「tls: {ca-file: PATH}」を書いてください。</translation>
    </message>
    <message>
        <source>Kubespray %1 cannot give containerd a CA file for %2: its hosts.toml template writes no “ca” (that comes with v2.28). Put the CA into the system trust store of every node (containerd trusts it then; write tls: verify in the site profile), or accept the certificate unchecked (tls: skip-verify).</source>
        <translation>Kubespray %1では、%2用のCAファイルをcontainerdに渡せません。このリリースのhosts.tomlテンプレートは「ca」を出力しません（v2.28以降で対応）。全ノードのシステムのトラストストアにCAを導入する（containerdはそれを信頼するので、サイトプロファイルには「tls: verify」と書きます）か、証明書を検証せずに受け入れて（tls: skip-verify）ください。</translation>
    </message>
    <message>
        <source>Kubespray %1 writes config_path into config.toml here (containerd_insecure_registries on v2.21, containerd_use_config_path on v2.22), and containerd then refuses any TLS table there, so no setting of this release can make it trust %2. Remove that setting and check again, or put the company&apos;s CA into the system trust store of every node (tls: verify).</source>
        <translation>この構成ではKubespray %1がconfig.tomlにconfig_pathを書き込みます（v2.21ではcontainerd_insecure_registries、v2.22ではcontainerd_use_config_pathによる）。その場合containerdはconfig.toml内のTLSテーブルを一切受け付けないため、このリリースの設定では%2を信頼させられません。その設定を外してからもう一度checkを実行するか、社内CAを全ノードのシステムのトラストストアに導入して（tls: verify）ください。</translation>
    </message>
    <message>
        <source>containerd_extra_args already has a TLS table for %1 that says something else; a second one would make config.toml invalid. Change that table by hand: %2.</source>
        <translation>containerd_extra_argsには、%1用の別の内容のTLSテーブルがすでにあります。2つ目を追加するとconfig.tomlが不正になるため、そのテーブルを手で修正してください: %2</translation>
    </message>
    <message>
        <source>This release has no registry TLS setting: Kubespray appends containerd_extra_args to config.toml as it is, and containerd&apos;s CRI plugin reads the TLS table there. containerd_insecure_registries is not used: on this release it turns on config_path, and containerd then refuses the table.</source>
        <translation>このリリースにはレジストリのTLS設定がありません。Kubesprayはcontainerd_extra_argsをそのままconfig.tomlの末尾に追加し、containerdのCRIプラグインがそこにあるTLSテーブルを読み取ります。containerd_insecure_registriesは使いません。このリリースではconfig_pathが有効になり、containerdがこのテーブルを拒否するためです。</translation>
    </message>
    <message>
        <source>Every name that is not a cluster name is then asked of the company DNS. %1 are no longer asked: CoreDNS spreads its questions over all the servers it is given, and they do not know the company&apos;s names.</source>
        <translation>クラスタ外の名前はすべて社内DNSに問い合わせるようになります。%1には問い合わせなくなります。CoreDNSは指定されたすべてのサーバーに問い合わせを分散しますが、これらのサーバーは社内の名前を知らないためです。</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>Nothing found here that would break the cluster.</source>
        <comment>@info findings</comment>
        <translation>ここでは、クラスタの動作を妨げる問題は見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>FixPlan</name>
    <message>
        <source>The service range must be an IPv4 range here; the IPv6 twins have their own variables.</source>
        <translation>ここで指定するServiceのアドレス範囲はIPv4でなければなりません。IPv6の範囲には、対応する別の変数があります。</translation>
    </message>
    <message>
        <source>The pod range must be an IPv4 range here; the IPv6 twins have their own variables.</source>
        <translation>ここで指定するPodのアドレス範囲はIPv4でなければなりません。IPv6の範囲には、対応する別の変数があります。</translation>
    </message>
    <message>
        <source>The pod range overlaps the service range %1.</source>
        <translation>Podのアドレス範囲がServiceのアドレス範囲%1と重なっています。</translation>
    </message>
    <message>
        <source>The node prefix is a number from 1 to 32, such as 24.</source>
        <translation>ノードのプレフィックス長には、24のような1〜32の数値を指定してください。</translation>
    </message>
    <message>
        <source>A node&apos;s share (/%1) cannot be larger than the pod range (/%2).</source>
        <translation>各ノードに割り当てるブロック（/%1）を、Podのアドレス範囲（/%2）より大きくすることはできません。</translation>
    </message>
    <message>
        <source>“%1” is not an IP address.</source>
        <translation>「%1」はIPアドレスではありません。</translation>
    </message>
    <message>
        <source>Name at least one company zone, or forward everything to the company DNS.</source>
        <translation>社内ゾーンを少なくとも1つ指定するか、すべての名前を社内DNSに転送する方式を選んでください。</translation>
    </message>
    <message>
        <source>“%1” is not a DNS zone.</source>
        <translation>「%1」はDNSゾーンではありません。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Cannot keep the earlier version: %1</source>
        <translation>変更前のバージョンを保存できません: %1</translation>
    </message>
    <message>
        <source>There is no version “%1”.</source>
        <translation>保存済みのバージョン「%1」はありません。</translation>
    </message>
    <message>
        <source>The kept copy cannot be read: %1</source>
        <translation>保存しておいたコピーを読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>HostStatusModel</name>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>到達不能</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>A group must be a mapping with hosts, children or vars.</source>
        <translation>グループは、hosts、children、varsを持つマッピングでなければなりません。</translation>
    </message>
    <message>
        <source>“hosts” must be a mapping of host names.</source>
        <translation>「hosts」はホスト名のマッピングでなければなりません。</translation>
    </message>
    <message>
        <source>“children” must be a mapping of group names.</source>
        <translation>「children」はグループ名のマッピングでなければなりません。</translation>
    </message>
    <message>
        <source>“vars” must be a mapping.</source>
        <translation>「vars」はマッピングでなければなりません。</translation>
    </message>
    <message>
        <source>Unknown key in a group: only hosts, children and vars are allowed.</source>
        <translation>グループに不明なキーがあります。使用できるのはhosts、children、varsだけです。</translation>
    </message>
    <message>
        <source>A host entry must be a mapping of variables, or empty.</source>
        <translation>ホストのエントリは、変数のマッピングか空でなければなりません。</translation>
    </message>
    <message>
        <source>This section header is not of the form [group], [group:vars] or [group:children].</source>
        <translation>このセクション見出しは、[group]、[group:vars]、[group:children]のいずれの形式でもありません。</translation>
    </message>
    <message>
        <source>Unknown section kind: only :vars and :children exist.</source>
        <translation>不明なセクションの種類です。使用できるのは:varsと:childrenだけです。</translation>
    </message>
    <message>
        <source>Host variables must be written key=value.</source>
        <translation>ホスト変数はkey=valueの形式で書いてください。</translation>
    </message>
    <message>
        <source>Group variables must be written key=value.</source>
        <translation>グループ変数はkey=valueの形式で書いてください。</translation>
    </message>
    <message>
        <source>No such file or folder.</source>
        <translation>ファイルまたはフォルダが存在しません。</translation>
    </message>
    <message>
        <source>This folder is not a Kubespray inventory: it has no hosts.yaml and no inventory.ini.</source>
        <translation>このフォルダはKubesprayのインベントリではありません（hosts.yamlもinventory.iniもありません）。</translation>
    </message>
    <message>
        <source>Both %1 and %2 are here; %1 is used, as with “-i %1” in the team&apos;s notes.</source>
        <translation>%1と%2の両方があります。チームのメモにある「-i %1」と同じく、%1を使用します。</translation>
    </message>
    <message>
        <source>The hosts file lists no host (every host line may be commented out).</source>
        <translation>hostsファイルにホストが1台も記載されていません（ホストの行がすべてコメントアウトされている可能性があります）。</translation>
    </message>
    <message>
        <source>The group “%1” has a legacy name; Kubespray reads it as “%2”.</source>
        <translation>グループ「%1」は旧名称です。Kubesprayはこれを「%2」として読み込みます。</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>ホスト%1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>グループ%1</translation>
    </message>
    <message>
        <source>This path is a loop of symbolic links.</source>
        <translation>このパスはシンボリックリンクがループしています。</translation>
    </message>
    <message>
        <source>This symbolic link points to %1, which does not exist.</source>
        <translation>このシンボリックリンクの参照先 %1 は存在しません。</translation>
    </message>
    <message>
        <source>This is a folder, not a hosts file.</source>
        <translation>これはフォルダで、hostsファイルではありません。</translation>
    </message>
    <message>
        <source>The inventory would hold more than %1 hosts, the most Kubespray Wizard reads; the limit is crossed here.</source>
        <translation>インベントリのホストが、Kubespray Wizardが読み込める上限の%1台を超えます。ここで上限を超えています。</translation>
    </message>
    <message>
        <source>A host range must give its end value.</source>
        <translation>ホスト範囲には終了値を指定してください。</translation>
    </message>
    <message>
        <source>The two ends of a host range that starts with 0 must have the same number of digits.</source>
        <translation>0で始まるホスト範囲では、開始値と終了値の桁数をそろえてください。</translation>
    </message>
    <message>
        <source>A host range of letters must not run backwards.</source>
        <translation>文字のホスト範囲を逆順にすることはできません。</translation>
    </message>
    <message>
        <source>The step of a host range must not be 0.</source>
        <translation>ホスト範囲のステップに0は指定できません。</translation>
    </message>
    <message>
        <source>A host range must be written [begin:end] or [begin:end:step].</source>
        <translation>ホスト範囲は[begin:end]または[begin:end:step]の形式で書いてください。</translation>
    </message>
    <message>
        <source>“%1” in a host range is neither a number nor a letter.</source>
        <translation>ホスト範囲の「%1」は、数値でも文字でもありません。</translation>
    </message>
    <message>
        <source>This file is larger than %1 MiB, the most Kubespray Wizard reads from one inventory file; the limit is crossed here.</source>
        <translation>このファイルは、Kubespray Wizardがインベントリのファイル1つから読み込める上限の%1 MiBを超えています。ここで上限を超えています。</translation>
    </message>
    <message>
        <source>This folder cannot be read (permission denied); Ansible stops on it too.</source>
        <translation>このフォルダーを読み取れません（アクセス権がありません）。Ansibleもここで停止します。</translation>
    </message>
    <message>
        <source>Ansible reads none of %1: no group or host of the inventory has that name, or a folder of the same name comes first.</source>
        <translation>Ansibleは%1をどれも読み込みません。インベントリにその名前のグループやホストがないか、同じ名前のフォルダーが優先されるためです。</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <source>The nodes get %1 from different places (%2). Kubespray Wizard writes one value for every node: set it in one place first.</source>
        <translation>ノードによって%1の設定元が異なります（%2）。Kubespray Wizardは全ノード共通の値を1つだけ書き込むため、先に1か所にまとめてください。</translation>
    </message>
    <message>
        <source>Ansible reads %1 for “%2” and would never read a new %3.</source>
        <translation>Ansibleは「%2」について%1を読み込むため、新しく作る%3は読み込まれません。</translation>
    </message>
    <message>
        <source>A new %1 would hide %2 from Ansible, which reads only the first of %3, %3.yml, %3.yaml and %3.json.</source>
        <translation>新しく%1を作ると、Ansibleは%2を読み込まなくなります。Ansibleは%3、%3.yml、%3.yaml、%3.jsonのうち最初に見つかったものしか読まないためです。</translation>
    </message>
    <message>
        <source>A host name must not be empty (Ansible: “Invalid empty host name provided”).</source>
        <translation>ホスト名を空にはできません（Ansibleのエラー:「Invalid empty host name provided」）。</translation>
    </message>
    <message>
        <source>[%1:vars] sets variables of a group that no [%1] or [%1:children] section declares; Ansible refuses that.</source>
        <translation>[%1:vars]で変数を設定していますが、このグループを宣言する[%1]や[%1:children]のセクションがどこにもありません。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>[%1:children] names the group “%2”, which no [%2] or [%2:children] section declares; Ansible refuses that.</source>
        <translation>[%1:children]にグループ「%2」がありますが、[%2]や[%2:children]のセクションでどこにも宣言されていません。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>A quote on this host line is never closed.</source>
        <translation>このホスト行の引用符が閉じられていません。</translation>
    </message>
    <message>
        <source>This host line ends with a backslash that escapes nothing.</source>
        <translation>このホスト行はバックスラッシュで終わっていて、エスケープする文字がありません。</translation>
    </message>
    <message>
        <source>A host pattern must not end with “:”, which Ansible keeps for a port (“host:2222”).</source>
        <translation>ホストパターンの末尾に「:」は置けません。Ansibleでは「:」はポートの指定（「host:2222」）に使われます。</translation>
    </message>
    <message>
        <source>“---” is no host: it starts a YAML document, and Ansible refuses it in an INI hosts file (is this file YAML?).</source>
        <translation>「---」はホスト名ではなくYAML文書の始まりです。AnsibleはINI形式のhostsファイルではこれを受け付けません（このファイルはYAMLではありませんか）。</translation>
    </message>
    <message>
        <source>“%1” is not a group name: each line of a [group:children] section names one group, without spaces, “:” or “]”.</source>
        <translation>「%1」はグループ名として読めません。[group:children]のセクションには1行に1つずつ、空白や「:」「]」を含まないグループ名を書いてください。</translation>
    </message>
    <message>
        <source>A number in a host range may have at most %1 digits (leading zeros count): Python, which runs Ansible, reads no longer number.</source>
        <translation>ホスト範囲の数値は%1桁まで（先頭の0も数えます）です。Ansibleが動くPythonは、これより長い数値を読み込めません。</translation>
    </message>
    <message>
        <source>The names of the hosts would hold more than %1 characters in all, the most Kubespray Wizard reads; the limit is crossed here.</source>
        <translation>ホスト名の合計が、Kubespray Wizardが読み込める上限の%1文字を超えます。ここで上限を超えています。</translation>
    </message>
    <message>
        <source>The group “%1” is listed as a child of itself; Ansible refuses that (“can&apos;t add group to itself”).</source>
        <translation>グループ「%1」が自分自身の子グループとして書かれています。Ansibleはこれを受け付けません（「can&apos;t add group to itself」）。</translation>
    </message>
    <message>
        <source>Making “%1” a child of “%2” closes a loop: “%2” is already inside “%1”. Ansible refuses it (“creates a recursive dependency loop”).</source>
        <translation>「%1」を「%2」の子グループにすると、グループがループします。「%2」はすでに「%1」の中に含まれています。Ansibleはこれを受け付けません（「creates a recursive dependency loop」）。</translation>
    </message>
</context>
<context>
    <name>InventoryEdit</name>
    <message>
        <source>This file lies outside the inventory folder.</source>
        <translation>このファイルはインベントリのフォルダの外にあります。</translation>
    </message>
    <message>
        <source>The file changed on disk since it was read; nothing was written. Load it again.</source>
        <translation>読み込んだ後にファイルがディスク上で変更されたため、何も書き込みませんでした。もう一度読み込んでください。</translation>
    </message>
    <message>
        <source>before restoring %1</source>
        <translation>%1を復元する前</translation>
    </message>
    <message>
        <source>The files are already as in version %1; nothing was written.</source>
        <translation>ファイルはすでにバージョン %1 と同じです。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>何も書き込んでいません。</translation>
    </message>
</context>
<context>
    <name>InventoryStore</name>
    <message>
        <source>Cannot keep the site profile: %1</source>
        <translation>サイトプロファイルを保存できません: %1</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Search the log</source>
        <comment>@info:placeholder</comment>
        <translation>ログを検索</translation>
    </message>
    <message>
        <source>Previous</source>
        <comment>@action:button</comment>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>@action:button</comment>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Find…</source>
        <comment>@action:button</comment>
        <translation>検索…</translation>
    </message>
    <message>
        <source>Wrap lines</source>
        <comment>@option:check</comment>
        <translation>行を折り返す</translation>
    </message>
</context>
<context>
    <name>MainWizard</name>
    <message>
        <source>Kubespray Wizard</source>
        <comment>@title:window</comment>
        <translation>Kubespray Wizard</translation>
    </message>
    <message>
        <source>Stop the deploy?</source>
        <comment>@title:window</comment>
        <translation>デプロイを中止しますか？</translation>
    </message>
    <message>
        <source>A deploy is running. Stop it and close the wizard? Ansible is interrupted; a half-run playbook leaves the nodes half-configured until the next deploy.</source>
        <translation>デプロイを実行中です。中止してウィザードを閉じますか？Ansibleは中断されます。playbookが途中で止まると、次にデプロイするまでノードは設定が中途半端な状態のままになります。</translation>
    </message>
    <message>
        <source>Save the changes?</source>
        <comment>@title:window</comment>
        <translation>変更を保存しますか？</translation>
    </message>
    <message numerus="yes">
        <source>The pages hold changes that are not written to the inventory yet (%n file(s)). Save them before closing? Discarded, they are gone; the company services are kept either way.</source>
        <translation>
            <numerusform>各ページに、まだインベントリに書き込んでいない変更があります（%n個のファイル）。閉じる前に保存しますか？ 破棄すると変更は失われます。社内サービスの一覧はどちらの場合も保持されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <comment>@title:window</comment>
        <translation>保存していません</translation>
    </message>
    <message>
        <source>Nothing was written, and the changes are still on the pages: %1</source>
        <translation>何も書き込んでいません。変更は各ページに残っています: %1</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <source>Kubespray reads the cluster&apos;s settings from an inventory: a hosts file (hosts.yaml or inventory.ini) and the group_vars folder beside it, usually in ~/kubespray/inventory/mycluster. Open it here; the wizard reads it exactly as Kubespray will, finds what will break on your company network, and changes nothing until you save. To try the wizard first, open the demo: a copy of a cluster with the three faults of the scenario.</source>
        <translation>Kubesprayは、クラスタの設定をインベントリから読み込みます。インベントリとは、hostsファイル（hosts.yamlまたはinventory.ini）と、その隣にあるgroup_varsフォルダのことで、通常は~/kubespray/inventory/myclusterにあります。ここでインベントリを開くと、ウィザードがKubesprayとまったく同じように設定を読み込み、社内ネットワークで問題になる箇所を見つけます。保存するまで、ファイルは一切変更しません。まずウィザードを試してみたい場合は、デモを開いてください。デモは、想定シナリオの3つの問題（アドレス範囲の衝突、HTTPにしか対応していないレジストリ、社内DNSを参照しない設定）を抱えたクラスタ設定のコピーです。</translation>
    </message>
    <message>
        <source>&amp;Inventory:</source>
        <translation>インベントリ(&amp;I):</translation>
    </message>
    <message>
        <source>A hosts file (hosts.yaml, inventory.ini) or the inventory folder</source>
        <translation>hostsファイル（hosts.yaml、inventory.ini）またはインベントリのフォルダ</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Site profile:</source>
        <translation>サイトプロファイル(&amp;S):</translation>
    </message>
    <message>
        <source>Optional: a file listing the company services (you can also enter them on the next page)</source>
        <translation>省略可: 社内サービスを記載したファイル（次のページで入力することもできます）</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>デモを開く(&amp;D)</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>検出した内容</translation>
    </message>
    <message>
        <source>Hosts file:</source>
        <translation>hostsファイル:</translation>
    </message>
    <message>
        <source>Kubespray:</source>
        <translation>Kubespray:</translation>
    </message>
    <message>
        <source>Ansible:</source>
        <translation>Ansible:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>補足:</translation>
    </message>
    <message>
        <source>What will break with these settings today:</source>
        <translation>現在の設定で問題になる箇所:</translation>
    </message>
    <message>
        <source>Open the inventory</source>
        <comment>@title:page</comment>
        <translation>インベントリを開く</translation>
    </message>
    <message>
        <source>Which Kubespray cluster settings should the wizard look at?</source>
        <comment>@subtitle:page</comment>
        <translation>ウィザードで確認するKubesprayのクラスタ設定はどれですか？</translation>
    </message>
    <message>
        <source>Choose the hosts file</source>
        <comment>@title:window</comment>
        <translation>hostsファイルの選択</translation>
    </message>
    <message>
        <source>Ansible inventories (hosts.yaml hosts.yml inventory.ini hosts.ini);;All files (*)</source>
        <translation>Ansibleのインベントリ (hosts.yaml hosts.yml inventory.ini hosts.ini);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose the site profile</source>
        <comment>@title:window</comment>
        <translation>サイトプロファイルの選択</translation>
    </message>
    <message>
        <source>Site profiles (*.yaml *.yml);;All files (*)</source>
        <translation>サイトプロファイル (*.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading the inventory and asking git and ansible-playbook…</source>
        <comment>@info</comment>
        <translation>インベントリを読み込み、gitとansible-playbookに問い合わせています…</translation>
    </message>
    <message>
        <source>Cannot open it: %1</source>
        <comment>@info</comment>
        <translation>開けません: %1</translation>
    </message>
    <message>
        <source>Enter or choose an inventory first.</source>
        <comment>@info</comment>
        <translation>先にインベントリを入力するか、選択してください。</translation>
    </message>
    <message>
        <source>Cannot create the demo: %1</source>
        <comment>@info</comment>
        <translation>デモを作成できません: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>@info version (evidence)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>unknown: the newest release&apos;s rules are assumed</source>
        <comment>@info</comment>
        <translation>不明（最新リリースのルールを前提にしています）</translation>
    </message>
    <message>
        <source>%1, ansible-core %2</source>
        <comment>@info path, version</comment>
        <translation>%1、ansible-core %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>fits this release (%1)</source>
        <comment>@info</comment>
        <translation>このリリースの要件を満たしています（%1）</translation>
    </message>
    <message>
        <source>does not fit this release, which needs %1</source>
        <comment>@info</comment>
        <translation>このリリースの要件を満たしていません（必要なバージョン: %1）</translation>
    </message>
    <message>
        <source>none found</source>
        <comment>@info ansible-playbook</comment>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>Runs the last deploy again with the saved settings; only the passwords are asked.</source>
        <comment>@info:tooltip</comment>
        <translation>前回のデプロイを、保存した設定でもう一度実行します。入力が必要なのはパスワードだけです。</translation>
    </message>
    <message>
        <source>Re-deplo&amp;y %1</source>
        <comment>@action:button inventory name</comment>
        <translation>%1を再デプロイ(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>%1:%2 (Kubespray %3 default)</source>
        <translation>%1:%2 (Kubespray %3のデフォルト値)</translation>
    </message>
    <message>
        <source>Kubespray %1 default</source>
        <translation>Kubespray %1のデフォルト値</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
</context>
<context>
    <name>PlaybookRunner</name>
    <message>
        <source>Stopping Ansible here. A command already running on a node may still run there to its end: with Kubespray&apos;s SSH pipelining it has no terminal that would hang up.</source>
        <translation>このマシンのAnsibleを停止します。ノード上ですでに実行中のコマンドは、そのまま最後まで実行されることがあります。KubesprayのSSHパイプライン処理ではコマンドに端末が割り当てられないため、接続が切れても終了しないためです。</translation>
    </message>
    <message>
        <source>Warning: ansible-core %1 is outside the range Kubespray %2 accepts (%3, from %4); Kubespray&apos;s own version check may stop the run.</source>
        <translation>警告: ansible-core %1は、Kubespray %2が受け付けるバージョンの範囲（%3、%4の記載）に入っていません。Kubespray自身のバージョンチェックで実行が停止する可能性があります。</translation>
    </message>
    <message>
        <source>A playbook is already running.</source>
        <translation>playbookはすでに実行中です。</translation>
    </message>
    <message>
        <source>Cannot create the run log folder %1</source>
        <translation>実行ログのフォルダ %1 を作成できません</translation>
    </message>
    <message>
        <source>Cannot create the run log %1: %2</source>
        <translation>実行ログ %1 を作成できません: %2</translation>
    </message>
    <message>
        <source>%1 process(es) of the run are still there: SIGTERM to the process group %2</source>
        <translation>実行のプロセスがまだ %1 個残っています: プロセスグループ %2 にSIGTERMを送ります</translation>
    </message>
    <message>
        <source>SIGKILL to the process group %1</source>
        <translation>プロセスグループ %1 にSIGKILLを送ります</translation>
    </message>
    <message>
        <source>%1 process(es) of the group %2 did not end</source>
        <translation>プロセスグループ %2 のプロセス %1 個が終了しませんでした</translation>
    </message>
    <message>
        <source>second attempt: cluster.yml ended with exit code %1; running it once more</source>
        <translation>2回目の実行: cluster.ymlが終了コード %1 で終了したため、もう一度実行します</translation>
    </message>
    <message>
        <source>The second attempt could not start: %1</source>
        <translation>2回目の実行を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Cancel: SIGINT to the process group %1</source>
        <translation>中止: プロセスグループ %1 にSIGINTを送ります</translation>
    </message>
    <message>
        <source>Still running: SIGTERM to the process group %1</source>
        <translation>まだ実行中です: プロセスグループ %1 にSIGTERMを送ります</translation>
    </message>
    <message>
        <source>Still running: SIGKILL to the process group %1</source>
        <translation>まだ実行中です: プロセスグループ %1 にSIGKILLを送ります</translation>
    </message>
    <message>
        <source>The locale %1 is not installed on this machine, and Ansible would refuse to start under it: it runs with C.UTF-8.</source>
        <translation>このマシンにはロケール%1がインストールされておらず、そのままではAnsibleが起動できないため、C.UTF-8で実行します。</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>Cannot write the preflight inputs: %1</source>
        <translation>事前チェックの入力ファイルを書き込めません: %1</translation>
    </message>
    <message>
        <source>The preflight is already running.</source>
        <translation>事前チェックはすでに実行中です。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>一時フォルダを作成できません: %1</translation>
    </message>
    <message>
        <source>Cannot create the results folder %1</source>
        <translation>結果フォルダ%1を作成できません</translation>
    </message>
    <message>
        <source>The preflight was cancelled.</source>
        <translation>事前チェックは中止されました。</translation>
    </message>
    <message>
        <source>The preflight did not finish on this host.</source>
        <translation>このホストでは事前チェックが完了しませんでした。</translation>
    </message>
    <message>
        <source>ansible-playbook stopped with exit code %1: %2</source>
        <translation>ansible-playbookが終了コード%1で停止しました: %2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <source>The inventory names no host to examine (%1).</source>
        <translation>インベントリに、調べる対象のホストがありません（%1）。</translation>
    </message>
</context>
<context>
    <name>PreflightReport</name>
    <message>
        <source>ip -j address show did not print a JSON list: %1</source>
        <translation>ip -j address showの出力がJSONのリストではありません: %1</translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation>リスト以外のJSON値</translation>
    </message>
    <message>
        <source>an address of %1 is not an address with a prefix: %2/%3</source>
        <translation>%1のアドレスの1つが、プレフィックス長付きのアドレスになっていません: %2/%3</translation>
    </message>
    <message>
        <source>ip -j route show did not print a JSON list: %1</source>
        <translation>ip -j route showの出力がJSONのリストではありません: %1</translation>
    </message>
    <message>
        <source>a route has no destination (dst)</source>
        <translation>宛先（dst）のないルートがあります</translation>
    </message>
    <message>
        <source>a route&apos;s destination is not a network: %1</source>
        <translation>ルートの宛先がネットワークではありません: %1</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>JSONとして正しくありません: %1</translation>
    </message>
    <message>
        <source>a preflight results file holds one JSON object</source>
        <translation>事前チェックの結果ファイルには、JSONオブジェクトが1つだけ含まれている必要があります</translation>
    </message>
    <message>
        <source>unknown format; this wizard reads format 1 of the preflight results</source>
        <translation>不明な形式です。このウィザードが読み込めるのは、事前チェックの結果の形式1です</translation>
    </message>
    <message>
        <source>the host name is missing</source>
        <translation>ホスト名がありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>実行されていません</translation>
    </message>
    <message>
        <source>not base64</source>
        <translation>base64ではありません</translation>
    </message>
    <message>
        <source>/etc/resolv.conf: %1</source>
        <translation>/etc/resolv.conf: %1</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>読み込まれていません</translation>
    </message>
    <message>
        <source>DNS and registry checks: %1</source>
        <translation>DNSとレジストリのチェック: %1</translation>
    </message>
    <message>
        <source>expected {name, server, addresses, error_kind, error}</source>
        <translation>{name, server, addresses, error_kind, error}の形式が必要です</translation>
    </message>
    <message>
        <source>expected {host, scheme, url, status, error_kind, error}</source>
        <translation>{host, scheme, url, status, error_kind, error}の形式が必要です</translation>
    </message>
    <message>
        <source>neither an HTTP status nor an error</source>
        <translation>HTTPステータスもエラーもありません</translation>
    </message>
    <message>
        <source>the preflight results folder does not exist</source>
        <translation>事前チェックの結果フォルダが存在しません</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>ProbeStatus</name>
    <message>
        <source>Asking…</source>
        <comment>@info probe</comment>
        <translation>問い合わせています…</translation>
    </message>
    <message>
        <source>Asking… %1 answered (%2 of %3).</source>
        <comment>@info probe</comment>
        <translation>問い合わせています…%1が応答しました（%3件中%2件）。</translation>
    </message>
</context>
<context>
    <name>RangesPage</name>
    <message>
        <source>Inside the cluster every pod gets an address from the &lt;b&gt;pod range&lt;/b&gt; and every service one from the &lt;b&gt;service range&lt;/b&gt;. Pods send traffic for any address in these ranges to a pod or a service, never out to the real network. So a range must not contain the address of a company machine (the registry, the DNS server) or of a node: that machine would become unreachable from pods. The two ranges must not overlap either. Changing a range of a running cluster needs a reset and a fresh cluster.yml.</source>
        <comment>@info</comment>
        <translation>クラスタ内では、各Podには&lt;b&gt;Podのアドレス範囲&lt;/b&gt;から、各Serviceには&lt;b&gt;Serviceのアドレス範囲&lt;/b&gt;からアドレスが割り当てられます。Podは、これらの範囲に含まれるアドレス宛ての通信をすべてPodやServiceに送り、実際のネットワークには決して送りません。そのため、どちらの範囲にも、社内のマシン（レジストリやDNSサーバーなど）やノードのアドレスを含めてはいけません。含まれていると、そのマシンにPodから到達できなくなります。また、2つの範囲が互いに重なってもいけません。稼働中のクラスタのアドレス範囲を変更するには、クラスタをリセットしてから、cluster.ymlを実行し直す必要があります。</translation>
    </message>
    <message>
        <source>&amp;Service range:</source>
        <comment>@label:textbox</comment>
        <translation>Serviceのアドレス範囲(&amp;S):</translation>
    </message>
    <message>
        <source>e.g. 10.233.0.0/18</source>
        <comment>@info:placeholder</comment>
        <translation>例: 10.233.0.0/18</translation>
    </message>
    <message>
        <source>&amp;Pod range:</source>
        <comment>@label:textbox</comment>
        <translation>Podのアドレス範囲(&amp;P):</translation>
    </message>
    <message>
        <source>e.g. 10.233.64.0/18</source>
        <comment>@info:placeholder</comment>
        <translation>例: 10.233.64.0/18</translation>
    </message>
    <message>
        <source>e.g. 24</source>
        <comment>@info:placeholder</comment>
        <translation>例: 24</translation>
    </message>
    <message>
        <source>P&amp;ropose free ranges</source>
        <comment>@action:button</comment>
        <translation>空いている範囲を提案(&amp;R)</translation>
    </message>
    <message>
        <source>Changing a range needs Kubespray&apos;s reset.yml, then cluster.yml.</source>
        <comment>@info</comment>
        <translation>アドレス範囲を変更するには、Kubesprayのreset.ymlを実行してから、cluster.ymlを実行する必要があります。</translation>
    </message>
    <message>
        <source>Address ranges</source>
        <comment>@title:page</comment>
        <translation>アドレス範囲</translation>
    </message>
    <message>
        <source>Which addresses may the cluster keep for its pods and services?</source>
        <comment>@subtitle:page</comment>
        <translation>クラスタがPodとServiceのために確保してよいアドレスはどれですか？</translation>
    </message>
    <message>
        <source>kube_service_addresses: the addresses Kubernetes gives to services (ClusterIPs).</source>
        <comment>@info:whatsthis</comment>
        <translation>kube_service_addresses: KubernetesがServiceに割り当てるアドレス（ClusterIP）の範囲です。</translation>
    </message>
    <message>
        <source>kube_pods_subnet: the addresses pods get; each node receives a share of it.</source>
        <comment>@info:whatsthis</comment>
        <translation>kube_pods_subnet: Podに割り当てられるアドレスの範囲です。各ノードには、この範囲の一部（ブロック）が割り当てられます。</translation>
    </message>
    <message>
        <source>kube_network_node_prefix: the size of each node&apos;s share of the pod range, as a prefix length. With Calico, calico_pool_blocksize decides the blocks instead.</source>
        <comment>@info:whatsthis</comment>
        <translation>kube_network_node_prefix: 各ノードに割り当てる、Podのアドレス範囲のブロックの大きさをプレフィックス長で指定します。Calicoを使う場合は、代わりにcalico_pool_blocksizeがブロックの大きさを決めます。</translation>
    </message>
    <message>
        <source>Moves each range that holds a company or node address to the first free range of the same size.</source>
        <comment>@info:tooltip</comment>
        <translation>社内のアドレスやノードのアドレスを含む範囲を、それぞれ同じ大きさの最初の空いている範囲に移動します。</translation>
    </message>
    <message>
        <source>unset</source>
        <comment>@info value</comment>
        <translation>未設定</translation>
    </message>
    <message>
        <source>%1 is %2 today (%3)</source>
        <comment>@info origin: variable, value, file:line or default</comment>
        <translation>%1の現在の値: %2（%3）</translation>
    </message>
    <message>
        <source>NodeLocalDNS</source>
        <comment>@item address strip</comment>
        <translation>NodeLocalDNS</translation>
    </message>
    <message>
        <source>Services</source>
        <comment>@item address strip</comment>
        <translation>Service</translation>
    </message>
    <message>
        <source>Pods</source>
        <comment>@item address strip</comment>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Node pre&amp;fix:</source>
        <comment>@label:textbox</comment>
        <translation>ノードのプレフィックス長(&amp;F):</translation>
    </message>
    <message>
        <source>With the files as they are today:</source>
        <translation>現在のファイルのままだと:</translation>
    </message>
    <message>
        <source>After saving the choices on this page:</source>
        <translation>このページの設定を保存した後:</translation>
    </message>
    <message>
        <source>The ranges hold no company or node address, and do not overlap each other.</source>
        <comment>@info findings</comment>
        <translation>どの範囲にも社内サービスやノードのアドレスは含まれず、範囲同士の重なりもありません。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red: what would break follows what you type.</source>
        <comment>@info findings</comment>
        <translation>赤枠の欄を直してください。問題の判定は入力内容に合わせて更新されます。</translation>
    </message>
</context>
<context>
    <name>RegistriesPage</name>
    <message>
        <source>containerd, which pulls the images on every node, talks HTTPS to a registry unless a registry mirror entry says otherwise. A mirror entry tells containerd, for one registry name, which address to really pull from and how: an http:// address for a registry that speaks only plain HTTP, an https:// one otherwise. &quot;Skip verify&quot; makes containerd accept a certificate nobody vouches for (self-signed): acceptable for a registry of your own on the company network, never for one reached over the internet. Choose how each registry is reached; the wizard writes the entry in the shape this Kubespray release reads.</source>
        <comment>@info</comment>
        <translation>containerdは各ノードでイメージをpullするコンポーネントで、レジストリのミラーエントリで別の指定がない限り、レジストリとはHTTPSで通信します。ミラーエントリは、1つのレジストリ名について、実際にどのアドレスからどの方式でpullするかをcontainerdに指示するものです。平文のHTTPにしか対応していないレジストリにはhttp://のアドレスを、それ以外のレジストリにはhttps://のアドレスを指定します。「検証をスキップ」を有効にすると、containerdは誰も保証していない証明書（自己署名証明書など）も受け入れます。社内ネットワーク上の自前のレジストリなら許容できますが、インターネット経由で接続するレジストリには決して使わないでください。各レジストリへの接続方法を選ぶと、ウィザードがこのKubesprayのリリースが読み込む形式でエントリを書き込みます。</translation>
    </message>
    <message>
        <source>Registry</source>
        <comment>@title:column</comment>
        <translation>レジストリ</translation>
    </message>
    <message>
        <source>Named by</source>
        <comment>@title:column</comment>
        <translation>参照元</translation>
    </message>
    <message>
        <source>Scheme</source>
        <comment>@title:column</comment>
        <translation>スキーム</translation>
    </message>
    <message>
        <source>Skip verify</source>
        <comment>@title:column</comment>
        <translation>検証をスキップ</translation>
    </message>
    <message>
        <source>The company services name no registry and the verification image names none either: containerd keeps Kubespray&apos;s defaults.</source>
        <comment>@info</comment>
        <translation>社内サービスにレジストリがなく、検証用イメージもレジストリを指定していません。containerdはKubesprayのデフォルト設定のままになります。</translation>
    </message>
    <message>
        <source>What containerd will &amp;read on every node after saving:</source>
        <comment>@label</comment>
        <translation>保存後に各ノードのcontainerdが読み込む設定(&amp;R):</translation>
    </message>
    <message>
        <source>Registries</source>
        <comment>@title:page</comment>
        <translation>レジストリ</translation>
    </message>
    <message>
        <source>How should containerd reach each image registry?</source>
        <comment>@subtitle:page</comment>
        <translation>containerdから各イメージレジストリへどのように接続させますか？</translation>
    </message>
    <message>
        <source>Scheme of %1</source>
        <comment>@label:listbox</comment>
        <translation>%1のスキーム</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>@item scheme</comment>
        <translation>不明</translation>
    </message>
    <message>
        <source>HTTP only</source>
        <comment>@item scheme</comment>
        <translation>HTTPのみ</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <comment>@item scheme</comment>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>HTTPS, untrusted certificate</source>
        <comment>@item scheme</comment>
        <translation>HTTPS（信頼されていない証明書）</translation>
    </message>
    <message>
        <source>Nothing is written; containerd tries HTTPS.</source>
        <comment>@info:tooltip</comment>
        <translation>何も書き込みません。containerdはHTTPSで接続を試みます。</translation>
    </message>
    <message>
        <source>A mirror entry with an http:// host.</source>
        <comment>@info:tooltip</comment>
        <translation>http://のホストを指定したミラーエントリを書き込みます。</translation>
    </message>
    <message>
        <source>containerd&apos;s default: nothing needs to be written.</source>
        <comment>@info:tooltip</comment>
        <translation>containerdのデフォルトの動作です。何も書き込む必要はありません。</translation>
    </message>
    <message>
        <source>A mirror entry with an https:// host and skip_verify: true.</source>
        <comment>@info:tooltip</comment>
        <translation>https://のホストと「skip_verify: true」を指定したミラーエントリを書き込みます。</translation>
    </message>
    <message>
        <source>Nobody has said yet how this registry is reached.</source>
        <comment>@info:tooltip</comment>
        <translation>このレジストリへの接続方法がまだ指定されていません。</translation>
    </message>
    <message>
        <source>verification image</source>
        <comment>@item source of a registry</comment>
        <translation>検証用イメージ</translation>
    </message>
    <message>
        <source>Only the verification image names this registry.</source>
        <comment>@info:tooltip</comment>
        <translation>このレジストリを参照しているのは検証用イメージだけです。</translation>
    </message>
    <message>
        <source>The company service “%1”.</source>
        <comment>@info:tooltip</comment>
        <translation>社内サービス「%1」です。</translation>
    </message>
    <message>
        <source>—</source>
        <comment>@item skip verify: nothing written</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Nothing is written for this registry.</source>
        <comment>@info:tooltip</comment>
        <translation>このレジストリについては何も書き込みません。</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>@item skip verify</comment>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <comment>@item skip verify</comment>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>The certificate must be signed by an authority the nodes trust.</source>
        <comment>@info:tooltip</comment>
        <translation>証明書は、ノードが信頼する認証局によって署名されている必要があります。</translation>
    </message>
    <message>
        <source>Any certificate is accepted: only for a registry of your own on the company network.</source>
        <comment>@info:tooltip</comment>
        <translation>どの証明書でも受け入れます。社内ネットワーク上の自前のレジストリに限って使用してください。</translation>
    </message>
    <message>
        <source>The files cannot be previewed: %1</source>
        <comment>@info</comment>
        <translation>ファイルをプレビューできません: %1</translation>
    </message>
    <message>
        <source>Nobody has said yet how %1 is reached, so nothing is written for it and containerd will try HTTPS. Choose the scheme here if you know it (curl http://REGISTRY/v2/_catalog answering means HTTP).</source>
        <comment>@info</comment>
        <translation>%1への接続方法がまだ決まっていないため、何も書き込まれず、containerdはHTTPSで接続を試みます。分かっている場合はここでスキームを選んでください（curl http://REGISTRY/v2/_catalog が応答すればHTTPです）。</translation>
    </message>
    <message>
        <source>&amp;Ask the registries</source>
        <comment>@action:button</comment>
        <translation>レジストリに問い合わせる(&amp;A)</translation>
    </message>
    <message>
        <source>Asks each registry from this machine whether it speaks HTTPS, HTTPS with an untrusted certificate, or only HTTP, and whether the verification image exists.</source>
        <translation>このマシンから各レジストリに問い合わせ、HTTPS、信頼されていない証明書のHTTPS、HTTPのみのどれで応答するか、また検証用イメージが存在するかを確認します。</translation>
    </message>
    <message>
        <source>The image %1 exists.</source>
        <comment>@info probe</comment>
        <translation>イメージ%1は存在します。</translation>
    </message>
    <message>
        <source>The image %1 is missing.</source>
        <comment>@info probe</comment>
        <translation>イメージ%1がありません。</translation>
    </message>
    <message>
        <source>No registry to ask.</source>
        <comment>@info probe</comment>
        <translation>問い合わせるレジストリがありません。</translation>
    </message>
    <message>
        <source>With the files as they are today:</source>
        <translation>現在のファイルのままだと:</translation>
    </message>
    <message>
        <source>After saving the choices on this page:</source>
        <translation>このページの設定を保存した後:</translation>
    </message>
    <message>
        <source>containerd reaches every registry of the company services the way the registry answers.</source>
        <comment>@info findings</comment>
        <translation>containerdは、社内サービスの各レジストリに、そのレジストリが応答する方式で接続します。</translation>
    </message>
    <message>
        <source>Plain HTTP has no certificate to check.</source>
        <comment>@info:tooltip</comment>
        <translation>平文のHTTPには、検証する証明書がありません。</translation>
    </message>
</context>
<context>
    <name>RegistryProbe</name>
    <message>
        <source>%1: the connection was refused (nothing listens on that port).</source>
        <translation>%1: 接続が拒否されました（そのポートでは何も待ち受けていません）。</translation>
    </message>
    <message>
        <source>%1: no answer within %2 ms.</source>
        <translation>%1: %2ミリ秒以内に応答がありません。</translation>
    </message>
    <message>
        <source>%1: the host name %2 was not found.</source>
        <translation>%1: ホスト名%2が見つかりません。</translation>
    </message>
    <message>
        <source>%1: the certificate is not trusted: %2.</source>
        <translation>%1: 証明書が信頼されていません: %2。</translation>
    </message>
    <message>
        <source>%1: the TLS handshake failed (%2).</source>
        <translation>%1: TLSハンドシェイクに失敗しました（%2）。</translation>
    </message>
    <message>
        <source>%1: the other side closed the connection without an answer.</source>
        <translation>%1: 応答がないまま、相手側が接続を閉じました。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2。</translation>
    </message>
    <message>
        <source>%1: HTTP %2.</source>
        <translation>%1: HTTP %2。</translation>
    </message>
    <message>
        <source>The answer was longer than %1 bytes and was cut off.</source>
        <translation>応答が%1バイトを超えたため、途中で打ち切りました。</translation>
    </message>
    <message>
        <source>The answer did not end within %1 ms and was cut off.</source>
        <translation>応答が%1ミリ秒以内に終わらなかったため、途中で打ち切りました。</translation>
    </message>
    <message>
        <source>(no Location header)</source>
        <translation>（Locationヘッダーなし）</translation>
    </message>
    <message>
        <source>%1 answers with a redirect (HTTP %2) to %3. A registry answers /v2/ itself, so the redirect was not followed.</source>
        <translation>%1は%3へのリダイレクト（HTTP %2）を返しました。レジストリは/v2/に自分で応答するものなので、リダイレクトには従っていません。</translation>
    </message>
    <message>
        <source>%1 asks for credentials (%2 authentication, no realm given).</source>
        <translation>%1が認証情報を要求しています（%2認証、realmの指定なし）。</translation>
    </message>
    <message>
        <source>%1 asks for credentials (%2 authentication, realm %3).</source>
        <translation>%1が認証情報を要求しています（%2認証、realm: %3）。</translation>
    </message>
    <message>
        <source>It does not send the header Docker-Distribution-Api-Version: registry/2.0, so it may not be a registry.</source>
        <translation>ヘッダー「Docker-Distribution-Api-Version: registry/2.0」を送っていないため、レジストリではない可能性があります。</translation>
    </message>
    <message>
        <source>%1 answers HTTP 401 but does not say how to log in (no usable WWW-Authenticate header).</source>
        <translation>%1はHTTP 401を返しましたが、ログイン方法を示していません（使用できるWWW-Authenticateヘッダーがありません）。</translation>
    </message>
    <message>
        <source>%1 answers HTTP 401 without a WWW-Authenticate challenge and without the header Docker-Distribution-Api-Version.</source>
        <translation>%1はHTTP 401を返しましたが、WWW-Authenticateのチャレンジも、Docker-Distribution-Api-Versionヘッダーもありません。</translation>
    </message>
    <message>
        <source>%1 answers like a registry (HTTP 200, API registry/2.0).</source>
        <translation>%1はレジストリとして応答しています（HTTP 200、API registry/2.0）。</translation>
    </message>
    <message>
        <source>%1 answers HTTP 200 but without the header Docker-Distribution-Api-Version: registry/2.0 that every registry sends.</source>
        <translation>%1はHTTP 200を返しましたが、どのレジストリも送るヘッダー「Docker-Distribution-Api-Version: registry/2.0」がありません。</translation>
    </message>
    <message>
        <source>%1 answers HTTP 404: a web server, but no registry API on /v2/.</source>
        <translation>%1はHTTP 404を返しました。Webサーバーは動いていますが、/v2/にレジストリのAPIがありません。</translation>
    </message>
    <message>
        <source>%1 answers HTTP %2 %3, not like a registry.</source>
        <translation>%1の応答はレジストリのものではありません（HTTP %2 %3）。</translation>
    </message>
    <message>
        <source>No registry was given; write it as host or host:port.</source>
        <translation>レジストリが指定されていません。hostまたはhost:portの形式で書いてください。</translation>
    </message>
    <message>
        <source>Write the registry without a scheme: %1 instead of %2 (the probe tries HTTPS and then HTTP by itself).</source>
        <translation>レジストリはスキームを付けずに、%2ではなく%1と書いてください（HTTPS、HTTPの順に自動で試します）。</translation>
    </message>
    <message>
        <source>Write only host[:port], without a path: %1 instead of %2.</source>
        <translation>パスを付けずに、host[:port]だけを書いてください（%2ではなく%1）。</translation>
    </message>
    <message>
        <source>%1 has a space or a character that no host name has.</source>
        <translation>%1には、空白またはホスト名に使えない文字が含まれています。</translation>
    </message>
    <message>
        <source>%1 opens a bracket but does not close it.</source>
        <translation>%1の角かっこが閉じられていません。</translation>
    </message>
    <message>
        <source>After the bracketed address only :port may follow in %1.</source>
        <translation>%1では、角かっこで囲んだアドレスの後には「:port」しか続けられません。</translation>
    </message>
    <message>
        <source>%1 in brackets is not an IPv6 address.</source>
        <translation>角かっこ内の%1はIPv6アドレスではありません。</translation>
    </message>
    <message>
        <source>Write an IPv6 address in brackets: %1, with a port %2.</source>
        <translation>IPv6アドレスは角かっこで囲んで%1と書いてください。ポートを付ける場合は%2です。</translation>
    </message>
    <message>
        <source>%1 has more than one colon; an IPv6 address must be written in brackets, as in “[fd00::1]:5000”.</source>
        <translation>%1にはコロンが2つ以上あります。IPv6アドレスは「[fd00::1]:5000」のように角かっこで囲んで書く必要があります。</translation>
    </message>
    <message>
        <source>%1 is not an IPv4 address.</source>
        <translation>%1はIPv4アドレスではありません。</translation>
    </message>
    <message>
        <source>%1 is not a host name: use letters, digits, hyphens and dots.</source>
        <translation>%1はホスト名ではありません。英字、数字、ハイフン、ドットを使ってください。</translation>
    </message>
    <message>
        <source>%1 has a part longer than 63 characters.</source>
        <translation>%1には63文字を超える部分があります。</translation>
    </message>
    <message>
        <source>The port %1 is not a number from 1 to 65535.</source>
        <translation>ポート%1が1〜65535の数値になっていません。</translation>
    </message>
    <message>
        <source>No image was given; write it as %1.</source>
        <translation>イメージが指定されていません。%1の形式で書いてください。</translation>
    </message>
    <message>
        <source>The image %1 names no registry; write it with the registry in front, as %2.</source>
        <translation>イメージ%1にレジストリが含まれていません。%2のように、先頭にレジストリを付けて書いてください。</translation>
    </message>
    <message>
        <source>The image %1 is on another registry (%2), not on %3: it must start with %4.</source>
        <translation>イメージ%1は%3ではなく、別のレジストリ（%2）にあります。%4で始まる必要があります。</translation>
    </message>
    <message>
        <source>The digest %1 is not of the form “sha256:” followed by 64 lowercase hexadecimal digits.</source>
        <translation>ダイジェスト%1が、「sha256:」の後に小文字の16進数64桁が続く形式になっていません。</translation>
    </message>
    <message>
        <source>The tag %1 may have only letters, digits, “_”, “.” and “-” (not first), at most 128 characters.</source>
        <translation>タグ%1に使えるのは英字、数字、「_」、「.」、「-」だけで（「.」と「-」は先頭には使えません）、最大128文字です。</translation>
    </message>
    <message>
        <source>The repository name %1 may have only lowercase letters and digits, separated by “.”, “_”, “-” or “/”.</source>
        <translation>リポジトリ名%1に使えるのは、小文字の英字と数字を「.」、「_」、「-」、「/」で区切ったものだけです。</translation>
    </message>
    <message>
        <source>The image name %1 is longer than 255 characters.</source>
        <translation>イメージ名%1が255文字を超えています。</translation>
    </message>
    <message>
        <source>Asked again ignoring that certificate problem: %1</source>
        <translation>この証明書の問題を無視して再度問い合わせた結果: %1</translation>
    </message>
    <message>
        <source>HTTPS: %1</source>
        <translation>HTTPS: %1</translation>
    </message>
    <message>
        <source>It speaks HTTPS (plain HTTP was answered with “Client sent an HTTP request to an HTTPS server”), but HTTPS failed.</source>
        <translation>HTTPSで通信するサーバーです（平文のHTTPには「Client sent an HTTP request to an HTTPS server」と応答しました）が、HTTPSでの接続に失敗しました。</translation>
    </message>
    <message>
        <source>It answers over plain HTTP only.</source>
        <translation>平文のHTTPでのみ応答します。</translation>
    </message>
    <message>
        <source>HTTP: %1</source>
        <translation>HTTP: %1</translation>
    </message>
    <message>
        <source>Something accepts connections but answers neither HTTPS nor HTTP.</source>
        <translation>何かが接続を受け付けていますが、HTTPSにもHTTPにも応答しません。</translation>
    </message>
    <message>
        <source>The catalog could not be read: %1</source>
        <translation>カタログを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>The catalog is not open without credentials (HTTP %1).</source>
        <translation>カタログは認証情報なしでは読み取れません（HTTP %1）。</translation>
    </message>
    <message>
        <source>The registry offers no catalog (HTTP 404).</source>
        <translation>このレジストリはカタログを提供していません（HTTP 404）。</translation>
    </message>
    <message>
        <source>The catalog could not be read (HTTP %1).</source>
        <translation>カタログを読み取れませんでした（HTTP %1）。</translation>
    </message>
    <message>
        <source>The catalog is not the JSON a registry sends (no list “repositories”).</source>
        <translation>カタログが、レジストリの返すJSONの形式になっていません（リスト「repositories」がありません）。</translation>
    </message>
    <message>
        <source>The catalog has more pages; only the first was read.</source>
        <translation>カタログには続きのページがありますが、最初のページだけを読み取りました。</translation>
    </message>
    <message>
        <source>%1 could not be looked for: %2</source>
        <translation>%1を確認できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 exists (%2).</source>
        <translation>%1は存在します（%2）。</translation>
    </message>
    <message>
        <source>%1 exists (%2, %3).</source>
        <translation>%1は存在します（%2、%3）。</translation>
    </message>
    <message>
        <source>%1 was not found: the registry answers HTTP 404 for %2.</source>
        <translation>%1が見つかりません。レジストリは%2に対してHTTP 404を返しました。</translation>
    </message>
    <message>
        <source>%1 could not be looked for without credentials (HTTP %2).</source>
        <translation>認証情報がないため、%1を確認できませんでした（HTTP %2）。</translation>
    </message>
    <message>
        <source>%1 could not be looked for: the registry redirects to %2, which was not followed.</source>
        <translation>%1を確認できませんでした。レジストリが%2へのリダイレクトを返しましたが、従っていません。</translation>
    </message>
    <message>
        <source>%1 could not be looked for (HTTP %2).</source>
        <translation>%1を確認できませんでした（HTTP %2）。</translation>
    </message>
    <message>
        <source>The image was not looked for: the registry needs credentials.</source>
        <translation>レジストリが認証情報を必要とするため、イメージは確認していません。</translation>
    </message>
    <message>
        <source>The image was not looked for: no registry answered.</source>
        <translation>レジストリとして応答するサーバーがなかったため、イメージは確認していません。</translation>
    </message>
    <message>
        <source>The catalog and the image were read ignoring this certificate problem, for this check only.</source>
        <translation>カタログとイメージは、この確認に限り、証明書の問題を無視して読み取りました。</translation>
    </message>
    <message>
        <source>The catalog was read ignoring this certificate problem, for this check only.</source>
        <translation>カタログは、この確認に限り、証明書の問題を無視して読み取りました。</translation>
    </message>
    <message>
        <source>HTTPS: it answers on /v2/ over HTTPS with a trusted certificate.</source>
        <translation>HTTPS: 信頼された証明書を使い、HTTPSで/v2/に応答します。</translation>
    </message>
    <message>
        <source>HTTPS with an untrusted certificate: it answers on /v2/ over HTTPS, but this machine does not trust its certificate.</source>
        <translation>信頼されていない証明書のHTTPS: HTTPSで/v2/に応答しますが、このマシンはその証明書を信頼していません。</translation>
    </message>
    <message>
        <source>HTTP only: it answers plain HTTP on /v2/ and no HTTPS.</source>
        <translation>HTTPのみ: 平文のHTTPで/v2/に応答し、HTTPSには応答しません。</translation>
    </message>
    <message>
        <source>Unreachable: the connection was refused.</source>
        <translation>到達できない: 接続が拒否されました。</translation>
    </message>
    <message>
        <source>Unreachable: no answer in time.</source>
        <translation>到達できない: 時間内に応答がありませんでした。</translation>
    </message>
    <message>
        <source>Unreachable: the host name was not found.</source>
        <translation>到達できない: ホスト名が見つかりませんでした。</translation>
    </message>
    <message>
        <source>Unreachable: the registry could not be reached.</source>
        <translation>到達できない: レジストリに到達できませんでした。</translation>
    </message>
    <message>
        <source>Not a registry: something answers, but not like a registry on /v2/.</source>
        <translation>レジストリではない: 応答はありますが、/v2/での応答がレジストリのものではありません。</translation>
    </message>
    <message>
        <source>Needs credentials: it answers on /v2/ like a registry but asks to log in.</source>
        <translation>認証が必要: /v2/でレジストリとして応答しますが、ログインを求めています。</translation>
    </message>
    <message>
        <source>Not checked: the registry or the image is not written correctly.</source>
        <translation>未確認: レジストリまたはイメージの書き方が正しくありません。</translation>
    </message>
    <message>
        <source>%1 was resolved by this machine&apos;s resolver.</source>
        <translation>%1はこのマシンのリゾルバーで名前解決しました。</translation>
    </message>
    <message>
        <source>Reached at %1, the address the company DNS %2 gives for %3 (the name went along as HTTP Host and TLS server name).</source>
        <translation>社内DNS %2が%3に対して返したアドレス%1に接続しました（名前はHTTPのHostとTLSのサーバー名として送信）。</translation>
    </message>
    <message>
        <source>Reached at %1, the site profile&apos;s address for it: no company DNS server of the profile resolved %2 (the name went along as HTTP Host and TLS server name).</source>
        <translation>サイトプロファイルに記載のアドレス%1に接続しました。プロファイルのどの社内DNSサーバーも%2を解決できなかったためです（名前はHTTPのHostとTLSのサーバー名として送信）。</translation>
    </message>
    <message>
        <source>Reached at %1, the site profile&apos;s address for it, without asking this machine&apos;s resolver for %2: the profile names no company DNS server (the name went along as HTTP Host and TLS server name).</source>
        <translation>サイトプロファイルに記載のアドレス%1に接続しました。プロファイルに社内DNSサーバーがないため、%2をこのマシンのリゾルバーには問い合わせていません（名前はHTTPのHostとTLSのサーバー名として送信）。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>These are the exact changes to Kubespray&apos;s files, line by line: removed lines in red, added lines in green. Only the settings that must change are touched; every comment and every other line stays as it is. Saving keeps the files as they were in the wizard&apos;s own folder (not in the inventory, where Ansible would read them), so any earlier version can be restored.</source>
        <translation>Kubesprayのファイルに加える変更を、1行ずつ正確に示しています。削除される行は赤、追加される行は緑で表示されます。変更するのは変更が必要な設定だけで、コメントやその他の行はすべてそのまま残ります。保存すると、変更前のファイルをウィザード専用のフォルダに保管するため、以前のどのバージョンにも戻せます。保管先はインベントリの中ではありません（インベントリの中に置くと、Ansibleに読み込まれてしまうためです）。</translation>
    </message>
    <message>
        <source>Nothing to change: the files already say what the pages ask for.</source>
        <translation>変更は必要ありません。ファイルの内容は、すでに各ページで指定した内容になっています。</translation>
    </message>
    <message>
        <source>After saving, the inventory will still have:</source>
        <translation>保存後もインベントリに残る指摘事項:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Earlier &amp;versions:</source>
        <translation>以前のバージョン(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>このバージョンを復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Review and save</source>
        <comment>@title:page</comment>
        <translation>確認と保存</translation>
    </message>
    <message>
        <source>Exactly what will change in Kubespray&apos;s files.</source>
        <comment>@subtitle:page</comment>
        <translation>Kubesprayのファイルで実際に変更される内容です。</translation>
    </message>
    <message>
        <source>Restore an earlier version</source>
        <comment>@title:window</comment>
        <translation>以前のバージョンの復元</translation>
    </message>
    <message>
        <source>Put back the files as they were before %1? The files as they are now are kept as a new version, so this can be undone.</source>
        <translation>ファイルを「%1」より前の状態に戻しますか？現在のファイルは新しいバージョンとして保存されるため、この操作は取り消せます。</translation>
    </message>
    <message>
        <source>Restored. The files as they were are kept as version %1.</source>
        <translation>復元しました。復元前のファイルはバージョン%1として保存してあります。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Saved. The files as they were are kept as version %1 in %2.</source>
        <translation>保存しました。変更前のファイルは、バージョン%1として%2に保存してあります。</translation>
    </message>
    <message>
        <source>The files cannot be changed safely: %1</source>
        <translation>ファイルを安全に変更できません: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>@item history: time — reason</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>RunSession</name>
    <message>
        <source>A playbook is already running.</source>
        <translation>Playbookはすでに実行中です。</translation>
    </message>
    <message>
        <source>Counting the tasks of %1 (--list-tasks)…</source>
        <translation>%1のタスク数を数えています（--list-tasks）…</translation>
    </message>
    <message>
        <source>The wizard&apos;s Ansible callback could not load; following Ansible&apos;s text output instead.</source>
        <translation>ウィザードのAnsibleコールバックを読み込めなかったため、代わりにAnsibleのテキスト出力から進捗を読み取ります。</translation>
    </message>
    <message>
        <source>Cannot create the run log folder %1</source>
        <translation>実行ログのフォルダ %1 を作成できません</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>&amp;Cancel the run</source>
        <comment>@action:button</comment>
        <translation>実行を中止(&amp;C)</translation>
    </message>
    <message>
        <source>Click a failed task to see it in the log</source>
        <translation>失敗したタスクをクリックすると、ログの該当箇所を表示します</translation>
    </message>
    <message>
        <source>Starting…</source>
        <comment>@info run</comment>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Cancelling: interrupting Ansible and everything it started…</source>
        <comment>@info run</comment>
        <translation>中止しています: Ansibleと、Ansibleが起動したすべてのプロセスを止めています…</translation>
    </message>
    <message>
        <source>%v of about %m tasks</source>
        <comment>@info progress</comment>
        <translation>約%m件中%v件のタスク</translation>
    </message>
    <message>
        <source>%1 — play “%2”, task “%3” (%4 tasks done)</source>
        <comment>@info run: elapsed, play, task</comment>
        <translation>%1 — play「%2」、タスク「%3」（%4件完了）</translation>
    </message>
    <message>
        <source>unreachable</source>
        <comment>@info failure kind</comment>
        <translation>到達不能</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>@info failure kind</comment>
        <translation>失敗</translation>
    </message>
    <message>
        <source>%1 — %2 (%3): %4</source>
        <comment>@item host — task (kind): message</comment>
        <translation>%1 — %2（%3）: %4</translation>
    </message>
    <message>
        <source>Finished without a failed task.</source>
        <comment>@info run</comment>
        <translation>失敗したタスクなしで完了しました。</translation>
    </message>
    <message>
        <source>Ended with exit code %1. Failed tasks per host (click one to see it in the log):</source>
        <comment>@info run</comment>
        <translation>終了コード%1で終了しました。ホストごとの失敗したタスク（クリックするとログの該当箇所を表示します）:</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <comment>@info progress</comment>
        <translation>
            <numerusform>%n件のタスク</numerusform>
        </translation>
    </message>
    <message>
        <source>Next playbook: %1</source>
        <comment>@info run</comment>
        <translation>次のplaybook: %1</translation>
    </message>
    <message>
        <source>Cancelled. Ansible and the processes it started here are stopped. SSH&apos;s shared connections stay open for reuse (ControlPersist in Kubespray&apos;s ansible.cfg), and a command already running on a node may still finish there.</source>
        <comment>@info run</comment>
        <translation>中止しました。Ansibleと、このマシンでAnsibleが起動したプロセスは停止しています。SSHの共有接続は再利用のために開いたままです（Kubesprayのansible.cfgのControlPersist）。また、ノード上ですでに実行中のコマンドは、そのノードで最後まで実行されることがあります。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n task(s)</source>
        <comment>@info progress</comment>
        <translation>
            <numerusform>%n個のタスクの後で中止</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished on the second attempt. The first attempt failed here:</source>
        <comment>@info run</comment>
        <translation>2回目の実行で完了しました。1回目は次の箇所で失敗しています:</translation>
    </message>
    <message>
        <source>Ended with exit code %1 before any task failed on a host: Ansible itself stopped. Its reason is at the end of the log.</source>
        <comment>@info run</comment>
        <translation>終了コード%1で終了しました。ホスト上のタスクが失敗する前に、Ansible自体が停止しています。理由はログの末尾にあります。</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>List the machines of your company that the cluster must be able to reach: the company DNS server, the image registry, and any other service pods talk to. The wizard checks that the cluster&apos;s own address ranges do not swallow their addresses, that containerd can pull from each registry, and that pods can resolve the company&apos;s names. A registry that speaks only HTTP needs the scheme “HTTP only”. Company networks (offices, VPNs) that pods must reach belong in the second table.</source>
        <translation>クラスタから到達できる必要がある社内のマシンを入力してください。社内DNSサーバー、イメージレジストリのほか、Podが通信するその他のサービスも含めます。ウィザードは、クラスタ自身のアドレス範囲にこれらのアドレスが含まれていないか、containerdが各レジストリからpullできるか、Podが社内の名前を解決できるかを確認します。HTTPにしか対応していないレジストリには、スキームに「HTTPのみ」（http）を指定してください。Podから到達する必要がある社内ネットワーク（オフィスやVPNなど）は、2つ目の表に入力します。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Domain names</source>
        <translation>ドメイン名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>スキーム</translation>
    </message>
    <message>
        <source>&amp;Add service</source>
        <translation>サービスを追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove service</source>
        <translation>サービスを削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import profile…</source>
        <translation>プロファイルをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export profile…</source>
        <translation>プロファイルをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Company network</source>
        <translation>社内ネットワーク</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>アドレス範囲</translation>
    </message>
    <message>
        <source>&amp;Verification image:</source>
        <translation>検証用イメージ(&amp;V):</translation>
    </message>
    <message>
        <source>An image from the company registry, e.g. registry.example.com/someapp:latest</source>
        <translation>社内レジストリのイメージ（例: registry.example.com/someapp:latest）</translation>
    </message>
    <message>
        <source>Company services</source>
        <comment>@title:page</comment>
        <translation>社内サービス</translation>
    </message>
    <message>
        <source>What on the company network must the cluster respect?</source>
        <comment>@subtitle:page</comment>
        <translation>社内ネットワークで、クラスタが考慮すべきものは何ですか？</translation>
    </message>
    <message>
        <source>DNS server</source>
        <comment>@item role</comment>
        <translation>DNSサーバー</translation>
    </message>
    <message>
        <source>Image registry</source>
        <comment>@item role</comment>
        <translation>イメージレジストリ</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>@item role</comment>
        <translation>その他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>@item scheme</comment>
        <translation>不明</translation>
    </message>
    <message>
        <source>HTTP only</source>
        <comment>@item scheme</comment>
        <translation>HTTPのみ</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <comment>@item scheme</comment>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Import a site profile</source>
        <comment>@title:window</comment>
        <translation>サイトプロファイルのインポート</translation>
    </message>
    <message>
        <source>Site profiles (*.yaml *.yml);;All files (*)</source>
        <translation>サイトプロファイル (*.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export the site profile</source>
        <comment>@title:window</comment>
        <translation>サイトプロファイルのエクスポート</translation>
    </message>
    <message>
        <source>Site profiles (*.yaml *.yml)</source>
        <translation>サイトプロファイル (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1に書き込めません: %2</translation>
    </message>
    <message>
        <source>Row %1: every service needs a name.</source>
        <translation>%1行目: サービスには名前が必要です。</translation>
    </message>
    <message>
        <source>Row %1: the name “%2” is used twice.</source>
        <translation>%1行目: 名前「%2」が重複しています。</translation>
    </message>
    <message>
        <source>Row %1: “%2” is not an IPv4 or IPv6 address.</source>
        <translation>%1行目: 「%2」はIPv4アドレスでもIPv6アドレスでもありません。</translation>
    </message>
    <message>
        <source>Row %1: “%2” is not a domain name.</source>
        <translation>%1行目: 「%2」はドメイン名ではありません。</translation>
    </message>
    <message>
        <source>Network row %1: %2</source>
        <translation>ネットワークの%1行目: %2</translation>
    </message>
    <message>
        <source>Add net&amp;work</source>
        <translation>ネットワークを追加(&amp;W)</translation>
    </message>
    <message>
        <source>Remove ne&amp;twork</source>
        <translation>ネットワークを削除(&amp;T)</translation>
    </message>
</context>
<context>
    <name>SiteProfile</name>
    <message>
        <source>Expected a list of names.</source>
        <translation>名前のリストを指定してください。</translation>
    </message>
    <message>
        <source>The site profile does not exist.</source>
        <translation>サイトプロファイルが存在しません。</translation>
    </message>
    <message>
        <source>Cannot read the site profile: %1</source>
        <translation>サイトプロファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>Unknown key; a site profile has version, services, zones, networks and verification.</source>
        <translation>不明なキーです。サイトプロファイルで使えるキーはversion、services、zones、networks、verificationです。</translation>
    </message>
    <message>
        <source>Expected a list of services.</source>
        <translation>サービスのリストを指定してください。</translation>
    </message>
    <message>
        <source>Each service is a mapping with name, address and role.</source>
        <translation>各サービスは、name、address、roleを持つマッピングで指定してください。</translation>
    </message>
    <message>
        <source>Every service needs a name.</source>
        <translation>各サービスにはnameが必要です。</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 or IPv6 address.</source>
        <translation>「%1」はIPv4アドレスでもIPv6アドレスでもありません。</translation>
    </message>
    <message>
        <source>“%1” is not a domain name.</source>
        <translation>「%1」はドメイン名ではありません。</translation>
    </message>
    <message>
        <source>The role is dns, registry or other, not “%1”.</source>
        <translation>roleにはdns、registry、otherのいずれかを指定してください（「%1」は指定できません）。</translation>
    </message>
    <message>
        <source>The scheme is http, https or unknown, not “%1”.</source>
        <translation>schemeにはhttp、https、unknownのいずれかを指定してください（「%1」は指定できません）。</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation>portには1〜65535の数値を指定してください。</translation>
    </message>
    <message>
        <source>“%1” is not a DNS zone.</source>
        <translation>「%1」はDNSゾーンではありません。</translation>
    </message>
    <message>
        <source>Expected a list of networks.</source>
        <translation>ネットワークのリストを指定してください。</translation>
    </message>
    <message>
        <source>Expected a mapping with an image.</source>
        <translation>imageを持つマッピングを指定してください。</translation>
    </message>
    <message>
        <source>Did you mean “%1”?</source>
        <translation>「%1」の間違いではありませんか？</translation>
    </message>
    <message>
        <source>Expected a single value, not a list or mapping.</source>
        <translation>リストやマッピングではなく、単一の値を指定してください。</translation>
    </message>
    <message>
        <source>Expected a list of names: write [%1].</source>
        <translation>名前のリストを指定してください。[%1]のように角かっこで囲んでください。</translation>
    </message>
    <message>
        <source>Expected a name, not a list or mapping.</source>
        <translation>リストやマッピングではなく、名前を1つ指定してください。</translation>
    </message>
    <message>
        <source>The version is a whole number; this Kubespray Wizard reads version %1.</source>
        <translation>versionには整数を指定してください。このKubespray Wizardが読み込めるのはバージョン%1です。</translation>
    </message>
    <message>
        <source>Version %1 is newer than this Kubespray Wizard understands (%2).</source>
        <translation>バージョン%1は、このKubespray Wizardが対応しているバージョン（%2）より新しい形式です。</translation>
    </message>
    <message>
        <source>There is no version %1; this Kubespray Wizard reads version %2.</source>
        <translation>バージョン%1は存在しません。このKubespray Wizardが読み込めるのはバージョン%2です。</translation>
    </message>
    <message>
        <source>Another service is already called “%1”; each name must be unique.</source>
        <translation>「%1」という名前のサービスがすでにあります。名前は重複しないようにしてください。</translation>
    </message>
    <message>
        <source>Every service needs an address (IPv4 or IPv6).</source>
        <translation>各サービスにはaddress（IPv4またはIPv6アドレス）が必要です。</translation>
    </message>
    <message>
        <source>A scheme applies only to a service with role: registry.</source>
        <translation>schemeは「role: registry」のサービスにだけ指定できます。</translation>
    </message>
    <message>
        <source>A port applies only to a service with role: registry.</source>
        <translation>portは「role: registry」のサービスにだけ指定できます。</translation>
    </message>
    <message>
        <source>Zones need at least one service with role: dns to send their names to.</source>
        <translation>zonesを使うには、名前の問い合わせ先として「role: dns」のサービスが少なくとも1つ必要です。</translation>
    </message>
    <message>
        <source>Unknown key; a network has name and cidr.</source>
        <translation>不明なキーです。ネットワークで使えるキーはnameとcidrです。</translation>
    </message>
    <message>
        <source>Each network is a mapping with name and cidr, or a range such as 10.10.0.0/16.</source>
        <translation>各ネットワークは、nameとcidrを持つマッピング、または10.10.0.0/16のようなアドレス範囲で指定してください。</translation>
    </message>
    <message>
        <source>Unknown key; verification has only an image.</source>
        <translation>不明なキーです。verificationで使えるキーはimageだけです。</translation>
    </message>
    <message>
        <source>The verification needs an image, e.g. registry.example.com/app:1.0.</source>
        <translation>verificationにはimageが必要です（例: registry.example.com/app:1.0）。</translation>
    </message>
    <message>
        <source>tls applies only to a service with role: registry.</source>
        <translation>tlsは「role: registry」のサービスにだけ指定できます。</translation>
    </message>
    <message>
        <source>tls applies only with scheme: https (only HTTPS has a certificate to check).</source>
        <translation>tlsは「scheme: https」の場合にだけ指定できます（検証する証明書があるのはHTTPSだけです）。</translation>
    </message>
    <message>
        <source>tls is verify, skip-verify or {ca-file: PATH} (the CA&apos;s file on the nodes)</source>
        <translation>tlsにはverify、skip-verify、{ca-file: PATH}（ノード上のCAファイル）のいずれかを指定してください</translation>
    </message>
    <message>
        <source>Name the CA&apos;s file on the nodes: write tls: {ca-file: /etc/ssl/certs/company-ca.pem}.</source>
        <translation>ノード上のCAファイルを指定してください。「tls: {ca-file: /etc/ssl/certs/company-ca.pem}」のように書きます。</translation>
    </message>
    <message>
        <source>%1, not “%2”.</source>
        <translation>%1（「%2」は指定できません）。</translation>
    </message>
    <message>
        <source>Unknown key; %1.</source>
        <translation>不明なキーです。%1。</translation>
    </message>
    <message>
        <source>Name the CA&apos;s file on the nodes, e.g. /etc/ssl/certs/company-ca.pem.</source>
        <translation>ノード上のCAファイルを指定してください（例: /etc/ssl/certs/company-ca.pem）。</translation>
    </message>
    <message>
        <source>“%1” is not an absolute path; containerd reads the file on the nodes, e.g. /etc/ssl/certs/company-ca.pem.</source>
        <translation>「%1」は絶対パスではありません。containerdはこのファイルをノード上で読み込みます（例: /etc/ssl/certs/company-ca.pem）。</translation>
    </message>
    <message>
        <source>The path may not contain quotes, backslashes or control characters: Kubespray writes it into containerd&apos;s configuration as it is.</source>
        <translation>パスには引用符、バックスラッシュ、制御文字を含められません。Kubesprayはパスをそのままcontainerdの設定に書き込むためです。</translation>
    </message>
    <message>
        <source>Unknown key; a service has name, address, domains, role, scheme, port and tls.</source>
        <translation>不明なキーです。サービスで使えるキーはname、address、domains、role、scheme、port、tlsです。</translation>
    </message>
</context>
<context>
    <name>Topic</name>
    <message>
        <source>Address ranges</source>
        <translation>アドレス範囲</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>レジストリ</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>デプロイ</translation>
    </message>
    <message>
        <source>Open the inventory</source>
        <translation>インベントリを開く</translation>
    </message>
</context>
<context>
    <name>Verifier</name>
    <message>
        <source>Set kubeconfig_localhost: true and kubectl_localhost: true in the inventory (group_vars/k8s_cluster/k8s-cluster.yml): at the next deploy Kubespray writes artifacts/admin.conf, artifacts/kubectl and artifacts/kubectl.sh, the kubectl for this cluster.</source>
        <translation>インベントリ（group_vars/k8s_cluster/k8s-cluster.yml）で「kubeconfig_localhost: true」と「kubectl_localhost: true」を設定してください。次回のデプロイ時に、Kubesprayがartifacts/admin.conf、artifacts/kubectl、およびこのクラスタ用のkubectlであるartifacts/kubectl.shを書き出します。</translation>
    </message>
    <message>
        <source>artifacts/kubectl.sh</source>
        <translation>artifacts/kubectl.sh</translation>
    </message>
    <message>
        <source>kubectl with artifacts/admin.conf</source>
        <translation>kubectl（artifacts/admin.confを使用）</translation>
    </message>
    <message>
        <source>no access to the cluster</source>
        <translation>クラスタへのアクセス手段なし</translation>
    </message>
    <message>
        <source>%1 is there, but no kubectl program to use it: neither an executable artifacts/kubectl nor kubectl on the PATH.</source>
        <translation>%1はありますが、それを使うkubectlのプログラムがありません。実行可能なartifacts/kubectlも、PATH上のkubectlもありません。</translation>
    </message>
    <message>
        <source>%1 is there but not executable, and admin.conf is missing beside it.</source>
        <translation>%1はありますが実行可能ではなく、同じ場所にadmin.confもありません。</translation>
    </message>
    <message>
        <source>No way to reach the cluster from here: %1 holds neither kubectl.sh nor admin.conf.</source>
        <translation>このマシンからクラスタにアクセスする手段がありません。%1にはkubectl.shもadmin.confもありません。</translation>
    </message>
    <message>
        <source>no route to it</source>
        <translation>宛先への経路がありません</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>接続が拒否されました</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>時間内に応答がありませんでした</translation>
    </message>
    <message>
        <source>the registry</source>
        <translation>レジストリ</translation>
    </message>
    <message>
        <source>The image could not be pulled: the node asked %1 over HTTPS, but that registry answers only plain HTTP. The container runtime (containerd) uses HTTPS unless it is told otherwise. On the Registries page, mark %1 as HTTP only, save, and deploy again.</source>
        <translation>イメージをpullできませんでした。ノードは%1にHTTPSで問い合わせましたが、このレジストリは平文のHTTPにしか応答しません。コンテナランタイム（containerd）は、別の指定がない限りHTTPSを使います。「レジストリ」ページで%1を「HTTPのみ」に設定して保存し、もう一度デプロイしてください。</translation>
    </message>
    <message>
        <source>The image could not be pulled: the node does not trust the certificate of %1. On the Registries page, mark %1 as using a certificate the nodes cannot check (or give the certificate of the company&apos;s authority), save, and deploy again.</source>
        <translation>イメージをpullできませんでした。ノードが%1の証明書を信頼していません。「レジストリ」ページで%1を「HTTPS（信頼されていない証明書）」に設定して（または社内の認証局の証明書を指定して）保存し、もう一度デプロイしてください。</translation>
    </message>
    <message>
        <source>%1 could not be reached (%2), and %1 lies inside %3, one of the cluster&apos;s own address ranges (for pods or services). Inside the cluster every address of that range belongs to the cluster, so traffic to %1 never reaches the company machine that has it. On the Address ranges page, choose pod and service ranges that leave %1 outside, save, and deploy again (reset first: the ranges of a running cluster cannot change).</source>
        <translation>%1に到達できませんでした（%2）。%1は、クラスタ自身のアドレス範囲（Pod用またはService用）の1つである%3に含まれています。クラスタ内では、この範囲のアドレスはすべてクラスタのものとして扱われるため、%1宛ての通信は、そのアドレスを持つ社内のマシンには決して届きません。「アドレス範囲」ページで、%1を含まないPodとServiceのアドレス範囲を選んで保存し、もう一度デプロイしてください（稼働中のクラスタのアドレス範囲は変更できないため、先にリセットが必要です）。</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>ある名前</translation>
    </message>
    <message>
        <source>The image could not be pulled: the node could not find the address of %1. Images are pulled by the node itself, which asks the DNS servers of its own /etc/resolv.conf.</source>
        <translation>イメージをpullできませんでした。ノードが%1のアドレスを見つけられませんでした。イメージはノード自身がpullし、その際の名前解決には、ノード自身の/etc/resolv.confにあるDNSサーバーが使われます。</translation>
    </message>
    <message>
        <source>The program in the verification pod could not find the address of %1. Pods ask the cluster&apos;s DNS (CoreDNS), which knows the cluster&apos;s own names and passes every other name on to its upstream DNS servers; company names are unknown there unless the company DNS server is one of them.</source>
        <translation>検証用のPod内のプログラムが、%1のアドレスを見つけられませんでした。PodはクラスタのDNS（CoreDNS）に問い合わせます。CoreDNSはクラスタ内の名前には自分で応答し、それ以外の名前はすべて上位のDNSサーバーに転送します。社内DNSサーバーがその上位のDNSサーバーに含まれていない限り、社内の名前は解決できません。</translation>
    </message>
    <message>
        <source>The DNS server %1 did not answer.</source>
        <translation>DNSサーバー%1は応答しませんでした。</translation>
    </message>
    <message>
        <source>On the DNS page, add the company DNS server that knows %1 (or forward the company&apos;s domain to it), save, and deploy again.</source>
        <translation>「名前解決（DNS）」ページで、%1を解決できる社内DNSサーバーを追加して（または社内のドメインをそのサーバーに転送するように設定して）保存し、もう一度デプロイしてください。</translation>
    </message>
    <message>
        <source>The registry refused to hand out the image without credentials. Check that the image name is right and, if the registry needs a login, give the nodes its credentials.</source>
        <translation>レジストリが、認証情報なしではイメージを渡しませんでした。イメージ名が正しいかを確認してください。レジストリにログインが必要な場合は、その認証情報をノードに設定してください。</translation>
    </message>
    <message>
        <source>The registry answered, but it has no image of that name and tag. Check the verification image&apos;s name and tag in the site profile.</source>
        <translation>レジストリは応答しましたが、その名前とタグのイメージはありません。サイトプロファイルで、検証用イメージの名前とタグを確認してください。</translation>
    </message>
    <message>
        <source>%1 could not be reached (%2). It lies outside the cluster&apos;s address ranges, so the cause is more likely on the way there: a firewall, a route of the nodes, or the service itself being down.</source>
        <translation>%1に到達できませんでした（%2）。%1はクラスタのアドレス範囲の外にあるため、原因は途中の経路にある可能性が高いです。ファイアウォール、ノードのルート、またはサービス自体の停止が考えられます。</translation>
    </message>
    <message>
        <source>No known cause was recognised. The lines below are what the cluster reported; they usually name what went wrong.</source>
        <translation>既知の原因は見つかりませんでした。以下はクラスタが報告した内容です。通常、ここに問題の内容が示されています。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1を起動できません: %2</translation>
    </message>
    <message>
        <source>kubectl did not end within %1 s.</source>
        <translation>kubectlが%1秒以内に終了しませんでした。</translation>
    </message>
    <message>
        <source>kubectl wrote more than %1 bytes.</source>
        <translation>kubectlの出力が%1バイトを超えました。</translation>
    </message>
    <message>
        <source>kubectl crashed.</source>
        <translation>kubectlがクラッシュしました。</translation>
    </message>
    <message>
        <source>kubectl ended with exit code %1.</source>
        <translation>kubectlが終了コード%1で終了しました。</translation>
    </message>
    <message>
        <source>no pod yet</source>
        <translation>Podはまだありません</translation>
    </message>
    <message>
        <source>%1, exit code %2</source>
        <translation>%1、終了コード %2</translation>
    </message>
    <message>
        <source>Creating job %1 …</source>
        <translation>Job %1を作成しています…</translation>
    </message>
    <message>
        <source>Job %1 created in namespace %2</source>
        <translation>namespace %2にJob %1を作成しました</translation>
    </message>
    <message>
        <source>kubectl failed, trying again: %1</source>
        <translation>kubectlが失敗したため、再試行します: %1</translation>
    </message>
    <message>
        <source>Waiting for the pod (%1 s) — %2</source>
        <translation>Podを待っています（%1秒）— %2</translation>
    </message>
    <message>
        <source>Reading the pod&apos;s events</source>
        <translation>Podのイベントを読み込んでいます</translation>
    </message>
    <message>
        <source>Reading the container&apos;s log</source>
        <translation>コンテナのログを読み込んでいます</translation>
    </message>
    <message>
        <source>Deleting the job</source>
        <translation>Jobを削除しています</translation>
    </message>
    <message>
        <source>The job could not be deleted: %1</source>
        <translation>Jobを削除できませんでした: %1</translation>
    </message>
    <message>
        <source>A verification is already running.</source>
        <translation>検証はすでに実行中です。</translation>
    </message>
    <message>
        <source>There is no way to reach the cluster from here.</source>
        <translation>このマシンからクラスタにアクセスする手段がありません。</translation>
    </message>
    <message>
        <source>No verification image is set: give one in the site profile.</source>
        <translation>検証用イメージが設定されていません。サイトプロファイルで指定してください。</translation>
    </message>
    <message>
        <source>“%1” is not a valid namespace name.</source>
        <translation>「%1」は有効なnamespace名ではありません。</translation>
    </message>
    <message>
        <source>“%1” cannot start a job name: use at most %2 lower-case letters, digits and &apos;-&apos;.</source>
        <translation>「%1」はJob名の先頭部分に使えません。小文字の英字、数字、「-」だけを使い、%2文字以内にしてください。</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>中止しています</translation>
    </message>
    <message>
        <source>Complete, exit code %1</source>
        <translation>完了、終了コード %1</translation>
    </message>
    <message>
        <source>Failed, exit code %1 (%2)</source>
        <translation>失敗、終了コード %1（%2）</translation>
    </message>
    <message>
        <source>Failed, exit code %1</source>
        <translation>失敗、終了コード %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Timed out after %1 s; the pod was at: %2</source>
        <translation>タイムアウト（%1秒）、そのときのPodの状態: %2</translation>
    </message>
    <message>
        <source>Timed out after %1 s</source>
        <translation>タイムアウト（%1秒）</translation>
    </message>
    <message>
        <source>No access to the cluster</source>
        <translation>クラスタにアクセスできません</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>The proof: a Kubernetes job runs the verification image once, the way the application will. Pulling the image tests the registry settings; a name lookup or connection made inside the container tests DNS and the address ranges. The job gets a name of its own and is deleted afterwards.</source>
        <translation>検証の方法: KubernetesのJobで、検証用イメージをアプリケーションと同じ方法で1回実行します。イメージのpullでレジストリの設定を、コンテナ内での名前解決や接続でDNSとアドレス範囲の設定を確かめます。Jobには専用の名前が付けられ、終了後に削除されます。</translation>
    </message>
    <message>
        <source>Cluster access:</source>
        <translation>クラスタへのアクセス:</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>イメージ(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Wait at most:</source>
        <translation>最大待ち時間(&amp;W):</translation>
    </message>
    <message>
        <source>Run the &amp;verification</source>
        <translation>検証を実行(&amp;V)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Verify</source>
        <comment>@title:page</comment>
        <translation>検証</translation>
    </message>
    <message>
        <source>Does a job with the company image run to the end on the cluster?</source>
        <comment>@subtitle:page</comment>
        <translation>社内のイメージを使ったJobは、クラスタで最後まで実行できますか？</translation>
    </message>
    <message>
        <source> min</source>
        <comment>@item:valuesuffix minutes</comment>
        <translation>分</translation>
    </message>
    <message>
        <source>What the cluster said: %1</source>
        <comment>@info</comment>
        <translation>クラスタからの報告: %1</translation>
    </message>
    <message>
        <source>Open &quot;%1&quot;</source>
        <comment>@action:button page title</comment>
        <translation>「%1」を開く</translation>
    </message>
    <message>
        <source>Job: %1   Pod: %2</source>
        <comment>@info</comment>
        <translation>Job: %1   Pod: %2</translation>
    </message>
    <message>
        <source>Events:</source>
        <comment>@info</comment>
        <translation>イベント:</translation>
    </message>
    <message>
        <source>Container log:</source>
        <comment>@info</comment>
        <translation>コンテナのログ:</translation>
    </message>
</context>
<context>
    <name>WizardSession</name>
    <message>
        <source>Company DNS %1</source>
        <translation>社内DNS %1</translation>
    </message>
    <message>
        <source>No inventory is open.</source>
        <translation>インベントリが開かれていません。</translation>
    </message>
</context>
<context>
    <name>Yaml</name>
    <message>
        <source>The file does not exist.</source>
        <translation>ファイルが存在しません。</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>This is not valid YAML: %1</source>
        <translation>YAMLとして正しくありません: %1</translation>
    </message>
    <message>
        <source>Expected a mapping of variables (key: value) at the top of the file.</source>
        <translation>ファイルの最上位には、変数のマッピング（key: value）が必要です。</translation>
    </message>
    <message>
        <source>A variable name must be a plain text key.</source>
        <translation>変数名は単純な文字列のキーでなければなりません。</translation>
    </message>
    <message>
        <source>The file is one flow mapping ({...}); it cannot be edited without rewriting it.</source>
        <translation>このファイルは全体が1つのフローマッピング（{...}）で書かれているため、ファイル全体を書き直さずに編集することはできません。</translation>
    </message>
    <message>
        <source>A merge key (&lt;&lt;) takes part in this value; editing it could change other keys.</source>
        <translation>この値にはマージキー（&lt;&lt;）が関係しています。編集すると、ほかのキーの値も変わるおそれがあります。</translation>
    </message>
    <message>
        <source>The value holds the anchor &amp;%1, which is used elsewhere; editing it would change those too.</source>
        <translation>この値にはアンカー&amp;%1があり、ほかの場所から参照されています。編集すると、参照している箇所の値も変わってしまいます。</translation>
    </message>
    <message>
        <source>The edit would make the file invalid (%1); nothing was changed.</source>
        <translation>この編集を行うとファイルが不正な形式になるため（%1）、何も変更しませんでした。</translation>
    </message>
    <message>
        <source>The edited key does not read back as the intended value; nothing was changed.</source>
        <translation>編集後のキーを読み直すと意図した値にならないため、何も変更しませんでした。</translation>
    </message>
    <message>
        <source>Editing %1 would change this key too; nothing was changed.</source>
        <translation>%1を編集するとこのキーも変わってしまうため、何も変更しませんでした。</translation>
    </message>
    <message>
        <source>This value is nested too deeply to be read (Ansible cannot read it either).</source>
        <translation>この値は入れ子が深すぎて読み込めません（Ansibleも読み込めません）。</translation>
    </message>
    <message>
        <source>This file holds more than %1 YAML values, the most Kubespray Wizard reads from one file; the limit is crossed here.</source>
        <translation>このファイルのYAMLの値の数が、Kubespray Wizardが1つのファイルから読み込める上限の%1個を超えています。ここで上限を超えています。</translation>
    </message>
    <message>
        <source>This value contains itself through an alias.</source>
        <translation>この値は、エイリアスを通じて自分自身を含んでいます。</translation>
    </message>
    <message>
        <source>Aliases make this file stand for more than %1 values beyond those written in it, the most Kubespray Wizard reads; the limit is crossed at this key.</source>
        <translation>エイリアスによって、このファイルは記述されている値のほかに、Kubespray Wizardが読み込める上限の%1個を超える値を表すことになります。このキーで上限を超えています。</translation>
    </message>
    <message>
        <source>The file has line breaks Kubespray Wizard does not edit (a CR alone, NEL, LS, PS, or a byte order mark starting a line); nothing was changed.</source>
        <translation>このファイルには、Kubespray Wizardが編集に対応していない改行（単独のCR、NEL、LS、PS、または行頭のバイトオーダーマーク）が含まれているため、何も変更しませんでした。</translation>
    </message>
    <message>
        <source>This file is %1 text (it starts with a %1 byte order mark); Ansible reads YAML files as UTF-8 only.</source>
        <translation>このファイルは%1で書かれています（先頭に%1のバイトオーダーマークがあります）。AnsibleはYAMLファイルをUTF-8としてしか読み込めません。</translation>
    </message>
    <message>
        <source>This file is not UTF-8 text: the byte 0x%1 here cannot be read as UTF-8 (Latin-1 or another encoding?). Ansible reads YAML files as UTF-8 only.</source>
        <translation>このファイルはUTF-8ではありません。この位置のバイト0x%1はUTF-8として読めません（Latin-1など別の文字コードで保存されていませんか？）。AnsibleはYAMLファイルをUTF-8としてしか読み込めません。</translation>
    </message>
    <message>
        <source>This file looks like UTF-16 text (NUL bytes between its characters); Ansible reads YAML files as UTF-8 only.</source>
        <translation>このファイルはUTF-16で書かれているようです（文字の間にNULバイトがあります）。AnsibleはYAMLファイルをUTF-8としてしか読み込めません。</translation>
    </message>
    <message>
        <source>The control character U+%1 is not allowed in a YAML file; Ansible refuses it.</source>
        <translation>制御文字U+%1はYAMLファイルに使えません。Ansibleはこのファイルを読み込めません。</translation>
    </message>
    <message>
        <source>A byte order mark (U+FEFF) starts this line, inside a value; Ansible refuses it.</source>
        <translation>値の途中で、この行の先頭にバイトオーダーマーク（U+FEFF）があります。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>A directive (%YAML or %TAG) must be followed by a document that starts with ---.</source>
        <translation>ディレクティブ（%YAMLや%TAG）の後には、「---」で始まるドキュメントが必要です。</translation>
    </message>
    <message>
        <source>A tab stands here where YAML expects indentation or a space; Ansible refuses it. Use spaces.</source>
        <translation>YAMLでインデントまたは空白が必要な位置にタブがあります。Ansibleはこれを受け付けません。スペースを使ってください。</translation>
    </message>
    <message>
        <source>A value cannot start with &apos;%1&apos; outside brackets; Ansible refuses it. Quote the value.</source>
        <translation>括弧の外では、値を「%1」で始めることはできません。Ansibleはこれを受け付けません。値を引用符で囲んでください。</translation>
    </message>
    <message>
        <source>An empty entry (a &apos;,&apos; with no value before it) stands here; Ansible refuses it.</source>
        <translation>ここに空の要素（値のない「,」）があります。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>A list item (- ) cannot start here, on the line of another value.</source>
        <translation>ほかの値と同じ行のこの位置では、リストの要素（- ）を始めることはできません。</translation>
    </message>
    <message>
        <source>A complex key (? ) cannot start here.</source>
        <translation>この位置で複合キー（? ）を始めることはできません。</translation>
    </message>
    <message>
        <source>This line is indented less than the first line of the file&apos;s top-level mapping or list, which ends there; Ansible refuses anything after it.</source>
        <translation>この行は、ファイルの最上位のマッピングまたはリストの最初の行よりインデントが浅いため、最上位の値はここで終わります。Ansibleはそれ以降の内容を受け付けません。</translation>
    </message>
    <message>
        <source>The file&apos;s top-level value, a single value, ends before this; Ansible refuses anything after it.</source>
        <translation>ファイルの最上位の値は単一の値で、ここより前で終わっています。Ansibleはそれ以降の内容を受け付けません。</translation>
    </message>
    <message>
        <source>A second YAML document starts here; Ansible reads exactly one document from a file.</source>
        <translation>ここから2つ目のYAMLドキュメントが始まっています。Ansibleは1つのファイルからドキュメントを1つだけ読み込みます。</translation>
    </message>
    <message>
        <source>A document end marker (...) stands before any document; Ansible refuses it.</source>
        <translation>ドキュメントが始まる前に、ドキュメント終了マーカー（...）があります。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>A directive (a line starting with %) cannot stand inside a document.</source>
        <translation>ディレクティブ（%で始まる行）はドキュメントの途中には書けません。</translation>
    </message>
    <message>
        <source>Ansible does not know the directive %1 (only %YAML and %TAG).</source>
        <translation>ディレクティブ%1はAnsibleが認識できません（使えるのは%YAMLと%TAGだけです）。</translation>
    </message>
    <message>
        <source>A mapping cannot start here, after another value on the same line (a &apos;:&apos; followed by a blank).</source>
        <translation>同じ行でほかの値に続くこの位置では、マッピング（「:」と空白）を始めることはできません。</translation>
    </message>
    <message>
        <source>A &apos;:&apos; stands here with no key before it; Ansible refuses it.</source>
        <translation>ここにキーのない「:」があります。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>A key is expected here, at the column of the keys above, but no &apos;:&apos; follows it on its line.</source>
        <translation>上のキーと同じ桁にあるため、ここはキーとして読まれますが、同じ行に「:」がありません。</translation>
    </message>
    <message>
        <source>An anchor or alias name may hold only ASCII letters, digits, &apos;-&apos; and &apos;_&apos; (Ansible refuses this one).</source>
        <translation>アンカー名やエイリアス名に使えるのは、ASCIIの英字、数字、「-」、「_」だけです（Ansibleはこの名前を受け付けません）。</translation>
    </message>
    <message>
        <source>The anchor &amp;%1 is defined a second time here; Ansible refuses a file that defines one anchor twice.</source>
        <translation>アンカー&amp;%1がここで再定義されています。Ansibleは同じアンカーを2回定義したファイルを受け付けません。</translation>
    </message>
    <message>
        <source>A tag must be followed by a blank, and may hold only ASCII letters, digits and URI characters.</source>
        <translation>タグの後には空白が必要です。また、タグに使えるのはASCIIの英字、数字、URIで使える記号だけです。</translation>
    </message>
    <message>
        <source>The quoted value that starts here is never closed: the file ends before its closing quote.</source>
        <translation>ここで始まる引用符付きの値が閉じられていません。閉じる引用符の前でファイルが終わっています。</translation>
    </message>
    <message>
        <source>A document marker (--- or ...) stands inside a quoted value.</source>
        <translation>引用符で囲まれた値の中に、ドキュメントマーカー（---または...）があります。</translation>
    </message>
    <message>
        <source>A tab stands in the indentation of this block of text; Ansible refuses it. Use spaces.</source>
        <translation>このブロックテキストのインデントにタブが使われています。Ansibleはこれを受け付けません。スペースを使ってください。</translation>
    </message>
    <message>
        <source>A tab stands in the indentation of this value&apos;s next line; Ansible refuses it. Use spaces.</source>
        <translation>この値の続きの行のインデントにタブが使われています。Ansibleはこれを受け付けません。スペースを使ってください。</translation>
    </message>
    <message>
        <source>%1 is tagged or written as an integer but is not one; Ansible refuses it.</source>
        <translation>%1は整数としてタグ付けまたは記述されていますが、整数ではありません。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>%1 is tagged or written as a number but is not one; Ansible refuses it.</source>
        <translation>%1は数値としてタグ付けまたは記述されていますが、数値ではありません。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>%1 is tagged as a boolean but is none of yes, no, true, false, on, off; Ansible refuses it.</source>
        <translation>%1は真偽値としてタグ付けされていますが、yes、no、true、false、on、offのいずれでもありません。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>%1 has the form of a date (YYYY-MM-DD) but is not a valid date or time; Ansible refuses it. Quote it to keep it as text.</source>
        <translation>%1は日付（YYYY-MM-DD）の形式ですが、正しい日付・時刻ではありません。Ansibleはこれを受け付けません。文字列として扱うには引用符で囲んでください。</translation>
    </message>
    <message>
        <source>A plain %1 as a value is a YAML merge or value marker, which Ansible refuses; quote it to mean the text.</source>
        <translation>引用符なしの%1を値に書くと、YAMLのマージまたは値のマーカーとして扱われ、Ansibleはこれを受け付けません。文字列として使うには引用符で囲んでください。</translation>
    </message>
    <message>
        <source>Ansible does not know the tag %1 (it knows YAML&apos;s own tags, !unsafe and !vault).</source>
        <translation>Ansibleはタグ%1を認識できません（使えるのはYAML標準のタグと!unsafe、!vaultです）。</translation>
    </message>
    <message>
        <source>The tag %1 needs a single value, not a list or mapping; Ansible refuses it.</source>
        <translation>タグ%1には単一の値が必要で、リストやマッピングには付けられません。Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>The tag %1 needs a list; Ansible refuses it here.</source>
        <translation>タグ%1にはリストが必要です。Ansibleはこの位置では受け付けません。</translation>
    </message>
    <message>
        <source>The tag %1 needs a mapping; Ansible refuses it here.</source>
        <translation>タグ%1にはマッピングが必要です。Ansibleはこの位置では受け付けません。</translation>
    </message>
    <message>
        <source>Values tagged %1 cannot be used: ansible-inventory fails on them.</source>
        <translation>%1のタグが付いた値は使えません。ansible-inventoryがこの値でエラーになります。</translation>
    </message>
    <message>
        <source>Every item of a %1 list must be a mapping with exactly one key; Ansible refuses this one.</source>
        <translation>%1のリストの各要素は、キーが1つだけのマッピングでなければなりません。Ansibleはこの要素を受け付けません。</translation>
    </message>
    <message>
        <source>A key must be text, a number or a date, not a list or a mapping; Ansible refuses it.</source>
        <translation>キーには文字列、数値、日付を使います。リストやマッピングは使えないため、Ansibleはこれを受け付けません。</translation>
    </message>
    <message>
        <source>The merge key &lt;&lt; needs a mapping or a list of mappings; Ansible refuses anything else.</source>
        <translation>マージキー&lt;&lt;の値は、マッピングまたはマッピングのリストでなければなりません。それ以外はAnsibleが受け付けません。</translation>
    </message>
</context>
<context>
    <name>ksw::DeployPipeline</name>
    <message>
        <source>No Kubespray checkout holds this inventory (no folder above it has cluster.yml and roles/), so there is nothing to run the playbooks from.</source>
        <translation>このインベントリはKubesprayディレクトリ内にありません（上位のフォルダに、cluster.ymlとroles/を含むものがありません）。そのため、playbookを実行できません。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスタ構築</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>A deploy is already running.</source>
        <translation>デプロイはすでに実行中です。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>Deploy finished.</source>
        <translation>デプロイが完了しました。</translation>
    </message>
    <message>
        <source>Reset finished: the nodes no longer run Kubernetes.</source>
        <translation>リセットが完了しました。ノードではもうKubernetesは動作していません。</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>ステップ%1/%2: %3</translation>
    </message>
    <message>
        <source>%1 could not start: %2</source>
        <translation>%1を開始できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1は中止されました。</translation>
    </message>
    <message>
        <source>%1 finished.</source>
        <translation>%1が完了しました。</translation>
    </message>
    <message>
        <source>%1 failed (ansible-playbook exit code %2).</source>
        <translation>%1が失敗しました（ansible-playbookの終了コード%2）。</translation>
    </message>
    <message>
        <source>There is no verification image: set one in the site profile (verification: image:) or turn the verification off.</source>
        <translation>検証用イメージがありません。サイトプロファイルで指定する（verification: image:）か、検証をオフにしてください。</translation>
    </message>
    <message>
        <source>There is no verification image: set one in the site profile (verification: image:).</source>
        <translation>検証用イメージがありません。サイトプロファイルで指定してください（verification: image:）。</translation>
    </message>
</context>
</TS>
