// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
// A child process that misbehaves on request, for the tests of reading process output (after Qt
// Creator's processtestapp). The mode is the first argument:
//   partial-lines  lines written in pieces that end mid-line, the last one without a newline
//   cr-progress    a progress bar redrawn with "\r", then lines ended by "\n" and "\r\n"
//   ansi           coloured Ansible-like lines, escapes cut between writes, an OSC title
//   split-utf8     Japanese text with a character cut between two writes
//   stderr         interleaved lines on stdout and stderr
//   crash          one line, then abort()
//   hang           one line, then sleeps until killed
//   flood BYTES    Ansible-like lines (floodLine() below) as fast as possible, at least BYTES bytes
//   exit N         one line, then exit code N
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>

#include <sys/resource.h>

namespace {

void pause() {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

// Writes now, so the reader sees exactly this piece in one read (as far as a pipe allows).
void put(std::FILE *stream, std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stream);
    std::fflush(stream);
}

void putPaused(std::string_view text) {
    put(stdout, text);
    pause();
}

// Line `index` of the flood; TestProcessOutput builds the same lines to check every one arrived.
std::string floodLine(long index) {
    char buffer[256];
    const long host = index % 7;
    int length = 0;
    switch (index % 5) {
    case 0:
        length =
            std::snprintf(buffer, sizeof buffer, "TASK [kubernetes/preinstall : Install packages %ld] ****", index);
        break;
    case 1:
        length = std::snprintf(buffer, sizeof buffer, "\x1b[0;32mok: [node%ld]\x1b[0m", host);
        break;
    case 2:
        length = std::snprintf(buffer, sizeof buffer, "\x1b[0;33mchanged: [node%ld] => (item=containerd %ld)\x1b[0m",
                               host, index);
        break;
    case 3:
        length = std::snprintf(buffer, sizeof buffer, "\x1b[0;36mskipping: [node%ld]\x1b[0m", host);
        break;
    default:
        length = std::snprintf(buffer, sizeof buffer, "%s %ld", "レジストリの確認 (registry check)", index);
        break;
    }
    return std::string(buffer, static_cast<std::size_t>(length));
}

int flood(long bytes) {
    static char buffer[1 << 16];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    long written = 0;
    long index = 0;
    while (written < bytes) {
        std::string line = floodLine(index++);
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), stdout);
        written += static_cast<long>(line.size());
    }
    std::fflush(stdout);
    std::fprintf(stderr, "lines=%ld bytes=%ld\n", index, written);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s MODE [ARGUMENT]\n", argv[0]);
        return 64;
    }
    const std::string_view mode = argv[1];
    if (mode == "partial-lines") {
        putPaused("first li");
        putPaused("ne\nsecond");
        putPaused(" line\nthird line\nfour");
        put(stdout, "th line without newline");
        return 0;
    }
    if (mode == "cr-progress") {
        putPaused("Downloading kubeadm   0%\r");
        putPaused("Downloading kubeadm  50%\r");
        putPaused("Downloading kubeadm 100%\r");
        putPaused("\n");
        putPaused("windows line\r");
        putPaused("\ndone\r\n");
        return 0;
    }
    if (mode == "ansi") {
        putPaused("\x1b]0;kubespray\x07PLAY [all] ****\n");
        putPaused("\x1b[0;3");
        putPaused("2mok: [node1]\x1b[0m\n\x1b[0;33mchanged: [node2]\x1b");
        putPaused("[0m\n\x1b[1;31mfatal: [node3]: FAILED!\x1b[0m\n");
        putPaused("\x1b[38;5;208morange\x1b[39m \x1b[38;2;10;20;30mrgb\x1b[0m\x1b[2K plain\n");
        return 0;
    }
    if (mode == "split-utf8") {
        const std::string text = "日本語のログ\n"; // 日 is E6 97 A5
        putPaused(text.substr(0, 1));
        putPaused(text.substr(1, 1));
        putPaused(text.substr(2, 5)); // ends inside 語
        put(stdout, text.substr(7));
        return 0;
    }
    if (mode == "stderr") {
        for (int i = 1; i <= 3; ++i) {
            put(stdout, "out " + std::to_string(i) + "\n");
            put(stderr, "err " + std::to_string(i) + "\n");
        }
        put(stderr, "[WARNING]: no newline at the end");
        return 0;
    }
    if (mode == "crash") {
        put(stdout, "about to crash\n");
        const rlimit noCore{0, 0}; // a crash on purpose leaves no core file behind
        setrlimit(RLIMIT_CORE, &noCore);
        std::abort();
    }
    if (mode == "hang") {
        put(stdout, "hanging\n");
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (mode == "flood" && argc >= 3)
        return flood(std::atol(argv[2]));
    if (mode == "exit" && argc >= 3) {
        put(stdout, "exiting\n");
        return std::atoi(argv[2]);
    }
    std::fprintf(stderr, "unknown mode: %s\n", argv[1]);
    return 64;
}
