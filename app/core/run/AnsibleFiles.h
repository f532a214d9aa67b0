// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

// Where the Ansible files the program ships (resources/ansible: the events callback plugin, the preflight
// playbook) are at run time: $KUBESPRAY_WIZARD_ANSIBLE_DIR when set; else installed, <program dir>/../share/
// kubespray-wizard/ansible (cmake/Install.cmake); else next to the program in a build tree, <program dir>/ansible
// (app/CMakeLists.txt copies them there), so `scripts/run` finds them without installing.

#include <QString>

namespace ksw::AnsibleFiles {

/// The folder holding callback_plugins/ and preflight.yml.
QString folder();
/// folder()/callback_plugins
QString callbackPluginFolder();

} // namespace ksw::AnsibleFiles
