// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace ksw {

/// A hash set of positions in a table that the caller keeps, hashed and compared through that table: 4 to 8
/// bytes a member, where a QHash of the keys themselves costs several times that and copies every key.
class IndexSet {
public:
    static constexpr quint32 None = ~quint32(0);

    /// The member for which `isMatch(member)` holds, among those whose key hashes to `hash`; None when there is none.
    template <typename IsMatch> quint32 find(std::size_t hash, IsMatch isMatch) const {
        if (m_slots.empty())
            return None;
        for (std::size_t slot = hash & mask();; slot = (slot + 1) & mask()) {
            if (m_slots[slot] == None || isMatch(m_slots[slot]))
                return m_slots[slot];
        }
    }

    /// Adds `index`, which must not match a member. `hashOf(i)` gives the hash of the key at position i.
    template <typename HashOf> void insert(quint32 index, HashOf hashOf) {
        if ((m_size + 1) * 2 > m_slots.size()) {
            std::vector<quint32> members(std::max<std::size_t>(8, m_slots.size() * 2), None);
            members.swap(m_slots);
            for (const quint32 member : members) {
                if (member != None)
                    place(member, hashOf(member));
            }
        }
        place(index, hashOf(index));
        ++m_size;
    }

    std::size_t size() const { return m_size; }

private:
    std::size_t mask() const { return m_slots.size() - 1; }
    void place(quint32 index, std::size_t hash) {
        std::size_t slot = hash & mask();
        while (m_slots[slot] != None)
            slot = (slot + 1) & mask();
        m_slots[slot] = index;
    }

    std::vector<quint32> m_slots; // a power of two, at most half full
    std::size_t m_size = 0;
};

} // namespace ksw
