import { adapterContract } from './adapter-contract';
import { memoryFactory } from './adapters';

adapterContract('in-memory', memoryFactory);
