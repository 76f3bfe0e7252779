package dev.maintenancedesk.releases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reverts inside a range: a revert and the commit it reverts cancel out when both are in the range (a
 * revert of that revert brings the commit back). A revert whose target shipped earlier stays, as a PATCH.
 */
final class Reverts {

    private Reverts() {}

    /** The commits that still count, in the given order (newest first). */
    static List<GitCommit> cancel(List<GitCommit> newestFirst) {
        Map<String, GitCommit> live = new LinkedHashMap<>();
        Map<String, GitCommit> cancelledBy = new HashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            GitCommit c = newestFirst.get(i);
            GitCommit target = null;
            for (String ref : revertedIds(c.message())) {
                target = find(live, ref);
                if (target == null) {
                    GitCommit reverted = find(cancelledBy, ref);
                    if (reverted != null) {
                        // reverting a revert: the commit it had cancelled counts again
                        GitCommit revived = cancelledBy.remove(reverted.id());
                        live.put(revived.id(), revived);
                        target = reverted;
                        break;
                    }
                } else {
                    break;
                }
            }
            if (target != null && live.remove(target.id()) != null) {
                cancelledBy.put(c.id(), target);
            } else if (target == null) {
                live.put(c.id(), c);
            }
        }
        List<GitCommit> result = new ArrayList<>();
        for (GitCommit c : newestFirst) {
            if (live.containsKey(c.id())) {
                result.add(c);
            }
        }
        return result;
    }

    private static GitCommit find(Map<String, GitCommit> commits, String idOrPrefix) {
        GitCommit exact = commits.get(idOrPrefix);
        if (exact != null || idOrPrefix.length() >= 40) {
            return exact;
        }
        for (Map.Entry<String, GitCommit> e : commits.entrySet()) {
            if (e.getKey().startsWith(idOrPrefix)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Commit ids a message reverts: git's "This reverts commit X." or a revert: commit's Refs footer. */
    static List<String> revertedIds(CommitMessage message) {
        List<String> ids = new ArrayList<>();
        if (message instanceof CommitMessage.GitRevert r) {
            ids.addAll(r.revertedCommits());
        } else if (message instanceof ConventionalCommit c && c.type().equals("revert")) {
            if (c.body() != null) {
                addHashes(c.body().replace("This reverts commit ", " "), ids, true);
            }
            c.footerValues("Refs").forEach(v -> addHashes(v, ids, false));
        }
        return ids;
    }

    private static void addHashes(String text, List<String> ids, boolean onlyAfterRevertPhrase) {
        for (String word : text.split("[\\s,.;]+")) {
            if (word.length() >= 7 && word.length() <= 40 && isHex(word)) {
                ids.add(word.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
