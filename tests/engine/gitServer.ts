// A git server on https://127.0.0.1 (port 443: Pulumi 3.276 fails on a URL with another port), for the real-engine test
// of `pulumi package add` from a git tag. Git's own smart HTTP protocol (`git http-backend`, as CGI) behind Node's TLS,
// with a certificate made for 127.0.0.1; the CLI (go-git, not the git binary) trusts it through SSL_CERT_FILE. Run as
// its own process, since the tests block their own event loop on each `pulumi` command:
//   node gitServer.js <repositories root> <directory for the certificate and the log>
// Prints "ready <certificate file>" once it listens; logs one JSON line a request to <directory>/git-requests.jsonl.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as path from "node:path";

const [root, dir] = process.argv.slice(2);
const key = path.join(dir, "git-server.key");
const cert = path.join(dir, "git-server.crt");
execFileSync(
    "openssl",
    [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"],
        ...["-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
);
const log = path.join(dir, "git-requests.jsonl");

const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://127.0.0.1");
    fs.appendFileSync(log, JSON.stringify({ method: req.method, path: url.pathname, query: url.search }) + "\n");
    // CGI/1.1 as git-http-backend(1) reads it.
    const cgi = spawn("git", ["http-backend"], {
        env: {
            PATH: process.env.PATH,
            GIT_PROJECT_ROOT: root,
            GIT_HTTP_EXPORT_ALL: "1",
            REQUEST_METHOD: req.method,
            PATH_INFO: decodeURIComponent(url.pathname),
            QUERY_STRING: url.search.slice(1),
            CONTENT_TYPE: req.headers["content-type"] ?? "",
            ...(req.headers["content-length"] ? { CONTENT_LENGTH: req.headers["content-length"] } : {}),
            ...(req.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: req.headers["content-encoding"] } : {}),
            ...(req.headers["git-protocol"] ? { GIT_PROTOCOL: String(req.headers["git-protocol"]) } : {}),
            REMOTE_ADDR: "127.0.0.1",
        },
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersSent = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
        if (headersSent) return void res.write(chunk);
        head = Buffer.concat([head, chunk]);
        const crlf = head.indexOf("\r\n\r\n");
        const lf = head.indexOf("\n\n");
        const end = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : lf >= 0 ? [lf, 2] : undefined;
        if (!end) return;
        for (const line of head.subarray(0, end[0]).toString("latin1").split(/\r?\n/)) {
            const i = line.indexOf(":");
            const [name, value] = [line.slice(0, i).trim(), line.slice(i + 1).trim()];
            if (name.toLowerCase() === "status") res.statusCode = parseInt(value, 10);
            else res.setHeader(name, value);
        }
        headersSent = true;
        res.write(head.subarray(end[0] + end[1]));
    });
    cgi.stdout.on("end", () => res.end());
    cgi.stderr.on("data", (d) => process.stderr.write(d));
});
server.on("error", (e) => {
    process.stderr.write(`git server: ${e.message}\n`);
    process.exit(1);
});
server.listen(443, "127.0.0.1", () => process.stdout.write(`ready ${cert}\n`));
