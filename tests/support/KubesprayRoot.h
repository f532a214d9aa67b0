// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// A temporary "Kubespray root" for tests that deploy (no real Kubespray can be installed here: its Ansible comes
// from PyPI). It has what the wizard looks for — cluster.yml, reset.yml, roles/, playbooks/, a galaxy.yml with the
// release, an ansible.cfg like Kubespray's — and small REAL playbooks under Kubespray's names, run by Debian's
// ansible-playbook over the SshNode's sshd with become:
//   reset.yml   Kubespray's confirmation logic (it fails without -e reset_confirmation=yes), then, as root,
//               appends "reset" to the node's marker file;
//   cluster.yml as root, appends "cluster" to the marker file; then, on the controller, does what Kubespray's
//               kubernetes/client role does with kubeconfig_localhost + kubectl_localhost (FACTS.md §7): writes
//               artifacts/admin.conf (here: the file named by ksw_test_admin_conf), artifacts/kubectl and
//               artifacts/kubectl.sh next to the inventory. With KSW_TEST_SLOW=1 in its environment it first sleeps
//               (a cancel test's window).
// The inventory is the scenario's (resources/demo/mycluster) with hosts.yaml pointing at the node.

#include "SshNode.h"
#include "TestSupport.h"

#include <QDir>
#include <QStandardPaths>
#include <QString>

namespace ksw::test {

/// Kubespray's ansible.cfg (v2.25), with the fact cache inside `root`; `extraDefaults` lines join [defaults].
inline QByteArray kubesprayAnsibleCfg(const QString &root, const QByteArray &extraDefaults = {}) {
    return QStringLiteral("[ssh_connection]\n"
                          "pipelining=True\n"
                          "ssh_args = -o ControlMaster=auto -o ControlPersist=30m "
                          "-o ConnectionAttempts=100 -o UserKnownHostsFile=/dev/null\n"
                          "[defaults]\n"
                          "force_valid_group_names = ignore\n"
                          "host_key_checking=False\n"
                          "gathering = smart\n"
                          "fact_caching = jsonfile\n"
                          "fact_caching_connection = %1/facts\n"
                          "fact_caching_timeout = 86400\n"
                          "timeout = 300\n"
                          "stdout_callback = default\n"
                          "display_skipped_hosts = no\n"
                          "library = ./library\n"
                          "callbacks_enabled = profile_tasks\n"
                          "deprecation_warnings=False\n"
                          "inventory_ignore_extensions = ~, .orig, .bak, .ini, .cfg, .retry, .pyc, "
                          ".pyo, .creds, .gpg\n"
                          "%2"
                          "[inventory]\n"
                          "ignore_patterns = artifacts, credentials\n")
        .arg(root, QString::fromUtf8(extraDefaults))
        .toUtf8();
}

/// Kubespray's reset confirmation (v2.23 → master, FACTS.md §3): a prompt unless reset_confirmation is given, and a
/// failure unless it says yes. Tasks of a play, indented for `tasks:`.
inline constexpr const char *kResetConfirmationTasks = R"(    - name: Reset Confirmation
      ansible.builtin.pause:
        prompt: "Are you sure you want to reset cluster state? Type 'yes' to reset your cluster."
      register: reset_confirmation_prompt
      run_once: true
      when:
        - not (skip_confirmation | default(false) | bool)
        - reset_confirmation is not defined
    - name: Check confirmation
      ansible.builtin.fail:
        msg: "Reset confirmation failed"
      when:
        - not reset_confirmation | default(false) | bool
        - not reset_confirmation_prompt.user_input | default("") == "yes"
)";

class KubesprayRoot {
public:
    static QByteArray resetPlaybook() {
        return QByteArray("---\n"
                          "- name: Reset cluster\n"
                          "  hosts: all\n"
                          "  gather_facts: false\n"
                          "  become: true\n"
                          "  tasks:\n") +
               kResetConfirmationTasks +
               "    - name: Reset | remember the reset on the node\n"
               "      ansible.builtin.shell: \"echo reset >> {{ ksw_marker }}\"\n";
    }

    static constexpr const char *kClusterPlaybook = R"(---
- name: Install Kubernetes
  hosts: k8s_cluster
  gather_facts: false
  become: true
  tasks:
    - name: Slow down for the cancel test
      ansible.builtin.command: "sleep {{ ksw_sleep_argument }}"
      when: lookup('env', 'KSW_TEST_SLOW') == '1'
    - name: Install | remember the install on the node
      ansible.builtin.shell: "echo cluster >> {{ ksw_marker }}"
- name: Client artifacts
  hosts: kube_control_plane
  gather_facts: false
  tasks:
    - name: Create the artifacts folder
      ansible.builtin.file:
        path: "{{ inventory_dir }}/artifacts"
        state: directory
        mode: "0750"
      delegate_to: localhost
      become: false
      run_once: true
      when: kubeconfig_localhost | default(false) | bool
    - name: Write admin.conf
      ansible.builtin.copy:
        src: "{{ ksw_test_admin_conf }}"
        dest: "{{ inventory_dir }}/artifacts/admin.conf"
        mode: "0600"
      delegate_to: localhost
      become: false
      run_once: true
      when: kubeconfig_localhost | default(false) | bool
    - name: Put kubectl there
      ansible.builtin.file:
        src: "{{ ksw_test_kubectl }}"
        dest: "{{ inventory_dir }}/artifacts/kubectl"
        state: link
      delegate_to: localhost
      become: false
      run_once: true
      when: kubectl_localhost | default(false) | bool
    - name: Write kubectl.sh
      ansible.builtin.copy:
        content: |
          #!/bin/bash
          ${BASH_SOURCE%/*}/kubectl --kubeconfig=${BASH_SOURCE%/*}/admin.conf "$@"
        dest: "{{ inventory_dir }}/artifacts/kubectl.sh"
        mode: "0755"
      delegate_to: localhost
      become: false
      run_once: true
      when: kubeconfig_localhost | default(false) | bool and kubectl_localhost | default(false) | bool
)";

    /// Builds the root in `folder` for `node`. False with the reason.
    bool create(const QString &folder, const SshNode &node, QString *error) {
        m_folder = folder;
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (kubectl.isEmpty())
            return fail(error, QStringLiteral("kubectl is missing: scripts/setup installs kubernetes-client"));
        if (!writeAll(path(QStringLiteral("ansible.cfg")), kubesprayAnsibleCfg(folder)) ||
            !writeAll(path(QStringLiteral("reset.yml")), resetPlaybook()) ||
            !writeAll(path(QStringLiteral("cluster.yml")), kClusterPlaybook) ||
            !writeAll(path(QStringLiteral("galaxy.yml")), "namespace: kubernetes_sigs\nname: kubespray\n"
                                                          "version: 2.25.0\n") ||
            !QDir().mkpath(path(QStringLiteral("roles"))) || !QDir().mkpath(path(QStringLiteral("playbooks"))))
            return fail(error, QStringLiteral("cannot write the Kubespray root in %1").arg(folder));
        if (!copyTree(sourcePath(QStringLiteral("resources/demo/mycluster")), inventory()) ||
            !QFile::copy(sourcePath(QStringLiteral("resources/demo/site.yaml")), sitePath()))
            return fail(error, QStringLiteral("cannot copy the scenario's inventory"));
        m_marker = QDir(node.folder()).filePath(QStringLiteral("marker"));
        const QByteArray hosts = QStringLiteral("all:\n"
                                                "  hosts:\n"
                                                "    node1:\n"
                                                "      ansible_host: 127.0.0.1\n"
                                                "      ansible_port: %1\n"
                                                "      ansible_user: %2\n"
                                                "      ksw_marker: %3\n"
                                                "      ksw_sleep_argument: \"%4\"\n"
                                                "      ksw_test_admin_conf: %5\n"
                                                "      ksw_test_kubectl: %6\n"
                                                "  children:\n"
                                                "    kube_control_plane:\n"
                                                "      hosts:\n"
                                                "        node1:\n"
                                                "    kube_node:\n"
                                                "      hosts:\n"
                                                "        node1:\n"
                                                "    etcd:\n"
                                                "      hosts:\n"
                                                "        node1:\n"
                                                "    k8s_cluster:\n"
                                                "      children:\n"
                                                "        kube_control_plane:\n"
                                                "        kube_node:\n")
                                     .arg(node.port())
                                     .arg(node.user(), m_marker, sleepArgument(), adminConfSource(), kubectl)
                                     .toUtf8();
        if (!writeAll(hostsFile(), hosts))
            return fail(error, QStringLiteral("cannot write %1").arg(hostsFile()));
        return true;
    }

    QString folder() const { return m_folder; }
    QString path(const QString &relative) const { return QDir(m_folder).filePath(relative); }
    QString inventory() const { return path(QStringLiteral("inventory/mycluster")); }
    QString hostsFile() const { return path(QStringLiteral("inventory/mycluster/hosts.yaml")); }
    QString sitePath() const { return path(QStringLiteral("site.yaml")); }
    QString artifacts() const { return path(QStringLiteral("inventory/mycluster/artifacts")); }
    /// The kubeconfig cluster.yml copies to artifacts/admin.conf (the test writes it: its API stand-in's).
    QString adminConfSource() const { return path(QStringLiteral("admin.conf.source")); }
    /// What the playbooks appended on the node, in order ("reset\ncluster\n").
    QByteArray marker() const { return readAll(m_marker); }
    QString markerPath() const { return m_marker; }
    /// The slow cluster.yml's sleep argument: unique, so a test can look for the process.
    static QString sleepArgument() { return QStringLiteral("60.%1").arg(::getpid()); }

private:
    static bool fail(QString *error, const QString &reason) {
        if (error)
            *error = reason;
        return false;
    }

    QString m_folder;
    QString m_marker;
};

} // namespace ksw::test
