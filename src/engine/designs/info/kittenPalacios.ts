import { registerDesignInfo } from '../registry';
import { registerRoute, registerStage } from '../../descriptors';
import { KITTEN_PALACIOS_SYSCALLS } from '../kitten/defaults';

/** Calls the guest kernel serves inside the VM. */
export const GuestRoute = registerRoute({ key: 'guest', short: 'guest', title: 'Linux guest kernel (inside the VM)', phrase: 'the guest kernel', colour: '#AA4499', ink: '#ffffff', letter: 'V' });
/** Leaving the VM and coming back: the exit, the VMM's dispatch and the entry. */
export const VmExitStage = registerStage({ key: 'vmExit', short: 'VM exit', title: 'VM exit and entry (the guest leaves the VM for the VMM and comes back)', colour: '#0077BB', ink: '#ffffff', letter: 'v' });

export const KITTEN_PALACIOS_INFO = registerDesignInfo({
  id: 'kitten-palacios',
  title: 'Kitten + Palacios: a Linux guest in a VM',
  summary:
    'The application runs in a Linux guest of a Palacios VM on Kitten\'s cores: the guest serves most calls inside the VM, but file and socket calls leave it with a VM exit and go through Kitten\'s HIO ring to Linux, the guest\'s own 1,000 Hz tick is a VM exit on every vCPU, and every TLB miss walks two page tables. Watch Syscall triage for the guest route and the VM-exit stage, the Timeline for the guest\'s ticks on LWK CPUs, and Memory for the TLB factor.',
  source: 'Lange et al., Palacios and Kitten, IPDPS 2010; PeterDinda/palacios (v3vee); HobbesOSR/kitten; Bhargava et al., Accelerating two-dimensional page walks for virtualized systems, ASPLOS 2008',
  appKernel: 'lwk',
  syscalls: KITTEN_PALACIOS_SYSCALLS,
  usesProxies: true,
  ownOptions: true,
});
