/**
 * What completion needs to know about the world, as a small interface the workspace fills in
 * from the emulator (file system, kube API store, Docker engine). Every member may be missing:
 * completion then offers nothing for that part.
 */

export interface DirEntry {
  readonly name: string;
  readonly isDir: boolean;
  /**
   * Whether the file has an execute bit: a command word that is a path completes only to
   * executables and directories (bash). Unknown (undefined) counts as executable.
   */
  readonly executable?: boolean;
}

export interface CompletionSources {
  /** Command names the shell can run (the registry plus built-ins). */
  commands(): readonly string[];
  /** The shell's working directory and home, for relative paths and `~`. */
  cwd(): string;
  home(): string;
  /** Entries of the directory at an absolute path, or undefined if it is not one. */
  listDir(path: string): readonly DirEntry[] | undefined;
  /** Names of objects of a Kubernetes resource (plural, e.g. 'pods') in `namespace`. */
  kubeNames?(resource: string, namespace: string): readonly string[];
  /** Docker container names (all, running or not) and network names. */
  dockerContainers?(): readonly string[];
  dockerNetworks?(): readonly string[];
  dockerImages?(): readonly string[];
  /** Named network namespaces (`ip netns list`). */
  netnsNames?(): readonly string[];
  /** Network interfaces of the shell's network namespace (`ip link show`), for `ip … dev <Tab>`. */
  interfaces?(): readonly string[];
  /** The shell's variable names, for `$NAME` completion (bash's variable_completion_function). */
  variables?(): readonly string[];
}
