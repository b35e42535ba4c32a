// Every exercise topic: importing this registers them (one file per topic).
import './ipis';
import './routing';
import './latency';
import './scale';
