package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class AccessCheckTest {
    private static final Principal BOB = new Principal("bob", Set.of("user"), Set.of("staff"));
    private static final Principal ADMIN = new Principal("root", Set.of("admin", "user"));

    @Test
    void aGrantToAGroupReachesItsMembersUpToItsRight() {
        List<Grant> grants = List.of(Grant.group("staff", Right.WRITE));
        assertTrue(AccessCheck.allows(BOB, grants, Right.READ));
        assertTrue(AccessCheck.allows(BOB, grants, Right.WRITE));
        assertFalse(AccessCheck.allows(BOB, grants, Right.MANAGE));
        assertFalse(AccessCheck.allows(new Principal("eve", Set.of("user")), grants, Right.READ), "not in the group");
    }

    @Test
    void theStrongestApplicableGrantCounts() {
        List<Grant> grants = List.of(Grant.group("staff", Right.READ), Grant.user("bob", Right.MANAGE), Grant.user("eve", Right.MANAGE));
        assertTrue(AccessCheck.allows(BOB, grants, Right.MANAGE));
        assertFalse(AccessCheck.allows(new Principal("carl", Set.of("user"), Set.of("staff")), grants, Right.WRITE));
    }

    @Test
    void adminsHoldEveryRightAndNobodyHoldsAnyWithoutAPrincipal() {
        assertTrue(AccessCheck.allows(ADMIN, List.of(), Right.MANAGE));
        assertFalse(AccessCheck.allows(null, List.of(Grant.user("bob", Right.MANAGE)), Right.READ));
    }

    @Test
    void aRefusalNamesTheUserTheObjectAndTheMissingRight() {
        SynclineException e = assertThrows(SynclineException.class, () -> AccessCheck.require(BOB, "folder", "Photos",
                List.of(Grant.group("staff", Right.READ)), Right.WRITE));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().contains("'bob'") && e.getMessage().contains("'write'") && e.getMessage().contains("folder 'Photos'"),
                e.getMessage());
    }

    @Test
    void rightsParseFromTheWordsUsersType() {
        assertEquals(Right.MANAGE, Right.parse("manage"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> Right.parse("own")).code());
    }
}
