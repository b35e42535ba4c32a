import type { Plugin } from 'vite';
export declare const SINGLE_FILE_NAME: string;
export declare function singleFile(publicDir: string): Plugin;
