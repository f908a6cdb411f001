/** One row of the bad-content matrix: a change to the valid fixture and the one line the build must print. */
export interface BadContentCase {
  /** What is wrong, as the test's name. */
  name: string;
  /** Files of the valid fixture to replace (text), add (text) or delete (`null`), relative to the content folder. */
  changes: Record<string, string | null>;
  /** The exact line the failed build prints (the content folder is called `broken/`). */
  line: string;
  /** The line printed right after `line`, when the finding has a hint (indented, as printed). */
  next?: string;
  /** Anything a text change cannot express (a symlink, an unreadable file), run on the written content folder. */
  setup?: (contentDir: string) => void;
  /** Extra environment for the build (for example another BUILD_DATE). */
  env?: Record<string, string>;
}
