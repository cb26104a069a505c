interface ImportMetaEnv {
  /** Your server: it creates sessions and forwards the photos to FPT.AI with its key (see examples/server). */
  readonly VITE_EKYC_SERVER?: string;
}
