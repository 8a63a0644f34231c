package org.syncline.sharing.internal.x11;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The System V shared memory calls of libc that MIT-SHM images live in. */
interface SharedMemory extends Library {
    int IPC_PRIVATE = 0;
    int IPC_CREAT = 01000;
    int IPC_RMID = 0;

    int shmget(int key, NativeLong size, int flags);

    Pointer shmat(int id, Pointer address, int flags);

    int shmdt(Pointer address);

    int shmctl(int id, int command, Pointer buffer);
}
