<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddressPlan</name>
    <message>
        <source>link-local addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loopback addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“this network” addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loopback address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ansible</name>
    <message>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ansible-playbook found: neither in the checkout&apos;s venv/bin nor on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the ansible-core version from %1 --version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find which Python %1 runs on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <source>given on the command line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists (Kubespray %2 or later)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cidr</name>
    <message>
        <source>No address range given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an address range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is an address, not a range: add a prefix such as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no prefix after the “/”: add one such as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In “%1” the prefix “%2” is not a number from 0 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“/%1” is too long a prefix: an IPv4 range has at most /32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“/%1” is too long a prefix: an IPv6 range has at most /128.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has host bits set: the range it lies in is %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage: kubespray-wizard [COMMAND] [OPTIONS]

Without a command the wizard opens. Commands:
  check --inventory PATH [--site FILE] [--json] [--kubespray-version VERSION] [--lang en|ja]
      Reads a Kubespray inventory and reports what will break the cluster.

Exit codes: 0 nothing blocking or worth a warning, 1 findings remain, 2 error.
Run “kubespray-wizard COMMAND --help” for a command&apos;s options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --lang takes en or ja, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray:  %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray:  version unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansible:    %1 (ansible-core %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings: nothing in this inventory is known to break the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed fix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocking, %2 warnings, %3 notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads a Kubespray inventory and reports what will break the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inventory: a hosts file or its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site profile (company services).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kubespray release, when it cannot be detected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the messages: en or ja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes: 0 nothing blocking or worth a warning, 1 findings remain, 2 error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: unexpected argument “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --inventory PATH is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --kubespray-version: “%1” is not a version such as v2.25.0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>The Kubespray version could not be found out; the newest release&apos;s rules are assumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables and their shapes change between Kubespray releases. Open the inventory inside its Kubespray checkout, or give the version with --kubespray-version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 defines no k8s_cluster group, which Kubespray %2 needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before v2.27 Kubespray does not build k8s_cluster itself: without it, group_vars/k8s_cluster is never read and the playbooks find no nodes. Add k8s_cluster with the children kube_control_plane, kube_node and calico_rr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group %1 has no hosts in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray needs at least one host in each of kube_control_plane, kube_node and etcd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable range: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray stops at its first check when a cluster range is not a network in CIDR notation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) contains %3, the address of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside the cluster every address of this range is routed to pods or services, so %1 becomes unreachable from pods: pulls and requests to it fail. Choose a range that holds no company address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) overlaps the company network %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods could not reach the part of %1 that lies inside the cluster range. Choose a range that overlaps no company network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) contains %3, the %4 of node %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes talk to each other on these addresses; inside the cluster they would be routed to pods or services instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) contains the NodeLocalDNS address %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NodeLocalDNS listens on this link-local address on every node; inside a cluster range, DNS queries of pods would go elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service range %1 and the pod range %2 overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service and pod addresses must be distinct. Kubespray itself only notices when the pod range lies inside the service range, not the other way round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each node gets its own slice of the pod range. The range must hold a slice for every node, and a slice must hold the pods a node may run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, which does not fit inside the pod range %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pod range %1 holds only %2 slices of /%3 for %4 nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pod range %1 has %2 addresses, fewer than %3 nodes × %4 pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A /%1 slice has %2 usable addresses, fewer than kubelet_max_pods (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set, but Kubespray %2 ignores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since v2.23 registries are configured with containerd_registries_mirrors; the old variables are silently ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The “server:” of the mirror entry %1 is ignored by Kubespray %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray honours “server:” from v2.25 on; before that the fallback server is always https://&lt;prefix&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>containerd_registries_mirrors is set, but Kubespray %1 ignores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>containerd_registries_mirrors exists from v2.23 on; this release reads containerd_registries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>containerd_insecure_registries next to containerd_registries makes containerd of Kubespray %1 refuse its configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In v2.21 the two variables write config_path and mirrors into the same config.toml, which containerd rejects. Use containerd_registries with an http:// endpoint instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 speaks only HTTP, but containerd is not told so: it will try HTTPS and every pull fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>containerd talks HTTPS to every registry unless a mirror entry names an http:// host for it. The pod then shows ErrImagePull with “server gave HTTP response to HTTPS client”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mirror for %1 works through the inline config.toml form, since containerd_use_config_path is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray v2.23–v2.26 render the mirror list into config.toml unless containerd_use_config_path is true; both forms work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company zones are forwarded by CoreDNS only, but NodeLocalDNS is on and answers the pods first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NodeLocalDNS sends every non-cluster name straight to the upstream servers, bypassing CoreDNS&apos;s zones. Set nodelocaldns_external_zones as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods will not ask the company DNS (%1): names only it knows will not resolve inside the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CoreDNS and NodeLocalDNS forward names outside the cluster to the nodes&apos; resolv.conf unless upstream_dns_servers or zone forwarding names the company DNS. Image pulls use the node&apos;s resolver, but pods do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray will not write artifacts/kubectl.sh: kubeconfig_localhost and kubectl_localhost must both be true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With both on, a deploy copies admin.conf and kubectl next to the inventory, so the cluster can be checked from this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansible cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray&apos;s docs install Ansible into venv/ inside the checkout: python3 -m venv venv &amp;&amp; venv/bin/pip install -r requirements.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ansible-core %2, but Kubespray %3 requires %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray&apos;s first play stops with “Ansible must be between … exclusive” when the version does not fit. Install the version its requirements.txt names into the checkout&apos;s venv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python of %1 lacks %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray&apos;s address filters need netaddr and its templates jmespath; without them the playbooks fail early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set for %2 only, at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cluster-wide setting that differs between hosts gives nodes different ideas of the cluster; the wizard shows and edits the cluster-wide value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 appears twice in %2 (lines %3 and %4); Ansible uses the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone reading the file from the top sees the first value; Ansible keeps the last. Remove one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the service range also moves the cluster DNS address (skydns_server) and the API service address; the cluster must be reset and deployed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray cannot change the ranges of a running cluster: it must be reset and deployed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This release reads containerd_registries; containerd_insecure_registries would make containerd refuse its configuration, so it is not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>containerd_use_config_path makes containerd read the per-registry hosts.toml files that Kubespray writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every name that is not a cluster name is then asked of the company DNS, by CoreDNS, NodeLocalDNS and the nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NodeLocalDNS answers the pods first and sends other names straight upstream, so the zones are written for it as well as for CoreDNS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>A group must be a mapping with hosts, children or vars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“hosts” must be a mapping of host names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“children” must be a mapping of group names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“vars” must be a mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown key in a group: only hosts, children and vars are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host entry must be a mapping of variables, or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This section header is not of the form [group], [group:vars] or [group:children].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown section kind: only :vars and :children exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host variables must be written key=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group variables must be written key=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is not a Kubespray inventory: it has no hosts.yaml and no inventory.ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both %1 and %2 are here; %1 is used, as with “-i %1” in the team&apos;s notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the hosts file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hosts file lists no host (every host line may be commented out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group “%1” has a legacy name; Kubespray reads it as “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>%1:%2 (Kubespray %3 default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubespray %1 default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteProfile</name>
    <message>
        <source>Expected a list of names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site profile does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the site profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown key; a site profile has version, services, zones, networks and verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only version 1 of the site profile exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a list of services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each service is a mapping with name, address and role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every service needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 or IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role is dns, registry or other, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheme is http, https or unknown, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a DNS zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a list of networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a mapping with an image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Yaml</name>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not valid YAML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a mapping of variables (key: value) at the top of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A variable name must be a plain text key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
