// esbuild bundles CSS imported from JS into its own file.
declare module '*.css';
