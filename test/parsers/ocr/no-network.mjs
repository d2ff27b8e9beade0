// Preloaded (node --import) into a child process that must not reach the network: every way out
// throws, in the main thread and in the worker threads that inherit this preload.
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'

const refuse = (what) => () => {
  throw new Error(`network used: ${what}`)
}
globalThis.fetch = refuse('fetch')
http.request = refuse('http.request')
http.get = refuse('http.get')
https.request = refuse('https.request')
https.get = refuse('https.get')
net.connect = refuse('net.connect')
net.createConnection = refuse('net.createConnection')
tls.connect = refuse('tls.connect')
dns.lookup = refuse('dns.lookup')
