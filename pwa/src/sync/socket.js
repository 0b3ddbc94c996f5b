/**
 * The one owner of the Socket.IO connection (the live channel). It only says
 * "something changed in scope X" (poke) and "we are connected again"; the data
 * itself always comes by pull.
 *
 * Socket.IO (~40 KB) comes in a chunk of its own, fetched when the channel first opens (after
 * she is signed in), not with the first load; the service worker precaches it for offline.
 */

export class LiveChannel {
  /**
   * @param {{onPoke: (scope: string) => void, onConnect: () => void,
   *   onDisconnect: (byServer: boolean) => void}} handlers
   */
  constructor(handlers) {
    this.handlers = handlers;
    /** @type {import('socket.io-client').Socket | null} */
    this.socket = null;
    /** Waiting for the Socket.IO chunk: open() asked, close() not since. */
    this.opening = false;
  }

  open() {
    if (this.socket) {
      // The server refuses a connection without a session and the client then
      // stops retrying; after a successful sign-in or pull we try once more.
      if (!this.socket.active) this.socket.connect();
      return;
    }
    if (this.opening) return;
    this.opening = true;
    import('socket.io-client').then(
      ({ io }) => {
        if (!this.opening) return; // closed meanwhile
        this.opening = false;
        this.connect(io);
      },
      () => {
        this.opening = false; // offline before the chunk came: the next open() tries again
      },
    );
  }

  /** @param {typeof import('socket.io-client').io} io */
  connect(io) {
    const socket = io({
      path: '/socket.io',
      withCredentials: true,
      reconnectionDelay: 2000,
      reconnectionDelayMax: 30000,
    });
    socket.on('connect', () => this.handlers.onConnect());
    // The server closes it when her session ends (signed out here or from another device).
    socket.on('disconnect', (reason) => this.handlers.onDisconnect(reason === 'io server disconnect'));
    socket.on('poke', (/** @type {{scope?: string}} */ msg) => this.handlers.onPoke(msg?.scope || ''));
    this.socket = socket;
  }

  close() {
    this.opening = false;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  isOpen() {
    return !!this.socket?.connected;
  }
}
