// A TCP server as an Observable of sockets: one value per accepted connection.
// Subscribing starts listening; unsubscribing closes the listener. This is the edge
// where Node's event emitter world becomes a stream, the counterpart of mini-redis's
// `TcpListener::accept` loop.

import * as net from 'node:net';
import { Observable } from 'rxjs';
import { log } from '../log';

export interface ListenOptions {
  readonly port: number;
  readonly host: string;
  /** Called once the port is bound, with the actual address (port 0 picks one). */
  readonly onListening?: (address: net.AddressInfo) => void;
}

export function listen({ port, host, onListening }: ListenOptions): Observable<net.Socket> {
  return new Observable<net.Socket>((subscriber) => {
    // pauseOnConnect: a socket accepted beyond the connection limit waits, unread,
    // until mergeMap gives it a slot. noDelay: replies leave at once (no Nagle delay).
    const server = net.createServer({ pauseOnConnect: true, noDelay: true });
    let listening = false;
    // An event emitter becomes a stream in one line: each 'connection' event is a
    // value. Nothing is buffered here: mergeMap (server.ts) decides when a socket is
    // served; until then it waits, paused.
    server.on('connection', (socket) => subscriber.next(socket));
    server.on('error', (err: NodeJS.ErrnoException) => {
      // Before listening (EADDRINUSE...) the server cannot start: that is an error.
      // After, an accept error (EMFILE...) is logged and survived, as mini-redis does.
      if (!listening) subscriber.error(err);
      else log.warn(`accept error: ${err.message}`);
    });
    server.listen(port, host, () => {
      listening = true;
      onListening?.(server.address() as net.AddressInfo);
    });
    return () => {
      server.close();
    };
  });
}
