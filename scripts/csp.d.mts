export declare const CONTENT_SECURITY_POLICY: string;
/** The single offline file's policy: its inline script and stylesheet by hash (`'sha256-…'`). */
export declare function singleFileCsp(inline: { scripts: readonly string[]; styles: readonly string[] }): string;
