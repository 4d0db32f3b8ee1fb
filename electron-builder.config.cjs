// electron-builder 26 configuration of the desktop app (`npm run dist`). Packaging downloads
// Electron, its headers and the installer tools, so it runs only on a machine with internet access;
// see docs/packaging.md. scripts/builder-config.test.ts checks every value that matters here.

/**
 * The npm packages the packaged app loads from node_modules at run time: those left out of the
 * main bundle (scripts/build.mjs keeps native packages external) and what they require.
 */
const runtimePackages = ['better-sqlite3', 'bindings', 'file-uri-to-path']

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.hush.dashboard',
  productName: 'Hush',
  copyright: 'Copyright © Hush contributors',
  directories: { buildResources: 'build', output: 'release/${version}' },

  // Only what the app runs: the bundled main process, demo server, preload and renderer, and
  // package.json.
  // Sources, tests, e2e, the command line and web-mode bundle stay out, and so do source maps
  // (they embed the sources). npm dependencies are added by electron-builder.
  files: [
    'package.json',
    'dist/main/**/*',
    // The demo server's own bundle, which the main process loads only when the demo is asked for
    // ("try the demo", the smoke run): the main bundle holds none of it.
    'dist/demo/**/*',
    'dist/preload/**/*',
    'dist/renderer/**/*',
    // The licenses of the npm packages inside those bundles (scripts/licenses/).
    'dist/THIRD-PARTY-NOTICES.txt',
    '!**/*.map',
    '!**/*.{test,spec}.{ts,tsx,js,mjs,cjs}',
    // The main bundle contains every npm package except Electron and the native ones, and the
    // renderer bundle contains React: of node_modules only better-sqlite3 and its loader remain,
    // without its C sources and build intermediates.
    // (electron-builder reads only exclusions for node_modules, hence one negative pattern.)
    `!node_modules/!(${runtimePackages.join('|')}){,/**/*}`,
    '!node_modules/better-sqlite3/{deps,src,build/deps,build/Release/obj,build/Release/obj.target}{,/**/*}',
    '!node_modules/better-sqlite3/build/Release/{test_extension.node,*.a}',
    '!node_modules/better-sqlite3/{binding.gyp,README.md}',
  ],
  // The tray images live outside app.asar, in <resources>/assets: Windows reads an .ico through a
  // temporary copy when it sits inside the archive, and the tray loses its icon once the temp
  // folder is cleaned (electron/electron#30911). The main process finds them at
  // join(process.resourcesPath, 'assets') when packaged, join(app.getAppPath(), 'assets') otherwise.
  extraResources: [{ from: 'assets', to: 'assets', filter: ['tray*'] }],
  asar: true,
  // Native modules cannot be loaded from inside an archive: better-sqlite3's .node sits beside it.
  asarUnpack: ['**/*.node'],

  // Native modules are rebuilt for Electron's ABI here, on the packaging machine, with Electron's
  // headers (electron-builder runs @electron/rebuild; better-sqlite3 takes an Electron prebuild when
  // one exists). Never ship a .node built for plain Node.
  npmRebuild: true,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  nativeRebuilder: 'sequential',

  // Flipped in the Electron binary before signing (docs/packaging.md).
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn Hush into a general-purpose Node
    enableCookieEncryption: true, // cookies on disk are encrypted with the OS key store
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
    enableNodeCliInspectArguments: false, // --inspect cannot attach a debugger to the shipped app
    enableEmbeddedAsarIntegrityValidation: true, // app.asar must match the hash signed into the app
    onlyLoadAppFromAsar: true, // an app/ folder next to app.asar cannot replace the code
    grantFileProtocolExtraPrivileges: false, // the renderer is served by Hush's own app:// protocol
  },

  // Artifacts are uploaded by hand after checking them; nothing is published from a build.
  publish: null,

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'build/icons',
    // Not `hush`: that is the command line's name (npm), and the deb links it into /usr/bin.
    executableName: 'hush-desktop',
    synopsis: 'See what your Plex Media Server sends upstream, and turn it off',
    maintainer: 'Hush maintainers <hush@example.org>',
  },
  deb: { priority: 'optional' },

  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.utilities',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },

  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false, // the owner sees where Hush goes and may change it
    perMachine: false, // installed for the current user: no administrator rights
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: false,
    shortcutName: 'Hush',
  },
}

module.exports = config
