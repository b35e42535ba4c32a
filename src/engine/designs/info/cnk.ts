import { registerDesignInfo } from '../registry';
import { CNK_SYSCALLS } from '../cnk/defaults';

export const CNK_INFO = registerDesignInfo({
  id: 'cnk',
  title: 'IBM Blue Gene CNK: calls shipped to an I/O node',
  summary:
    'No Linux on the compute node: CNK runs the application on every CPU but the system core, maps its memory once at job start, serves memory, threads and time itself, and ships every file and socket call to a daemon on a Linux I/O node shared by 128 compute nodes (the caller polls for the reply). Watch Syscall triage: all I/O is on the OS-node route, and its OS-node queue stage grows with the compute nodes per I/O node; Core partitions shows no Linux CPU at all.',
  source: 'IBM Blue Gene/Q CNK source (jedbrown/bgq-driver: cnk/src/syscalls, cnk/src/fs/sysioFS.cc, stdioFS.cc); IBM Redbook SG24-7948 ch. 2-3; Giampapa, Gooding, Inglett, Wisniewski, SC 2010',
  appKernel: 'lwk',
  syscalls: CNK_SYSCALLS,
  usesProxies: false,
  ownOptions: true,
  withoutLinux: true,
});
