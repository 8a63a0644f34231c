/**
 * Window sharing: rooms on a relay, one shared window (never the rest of the desktop), one control token, chat.
 * <p>
 * API records and the {@code sharing.*} message catalogue live here, the typed client in {@code client}, the
 * host-side engine in {@code capture} (which window's pixels), {@code codec} (tiles, keyframes) and {@code input}
 * (injecting the token holder's input into the shared window only), with native code behind those interfaces in
 * {@code internal.x11}.
 */
package org.syncline.sharing;
