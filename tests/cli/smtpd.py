#!/usr/bin/python3
"""smtpd.py — a real SMTP server on loopback for the sending tests (Debian's python3-aiosmtpd).

usage: smtpd.py DIR
Listens on 127.0.0.1 at a free port, written to DIR/port once it accepts connections. Each
message accepted is saved as DIR/N.eml (the bytes exactly as they arrived in DATA) with
DIR/N.env (MAIL FROM, RCPT TO and the AUTH login, one per line). While DIR/reject exists every
message is refused with that file's first line as the answer. AUTH PLAIN/LOGIN accepts the user
"sam" with password "s3cret" and is offered without TLS (loopback only). Exits by itself after
120 seconds, so a test that dies never leaves it behind.
"""
import os
import socket
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

out = sys.argv[1]


class Handler:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        reject = os.path.join(out, "reject")
        if os.path.exists(reject):
            with open(reject) as f:
                return f.readline().strip()
        self.count += 1
        data = envelope.original_content or envelope.content
        with open(os.path.join(out, "%d.eml" % self.count), "wb") as f:
            f.write(data)
        login = session.auth_data.login.decode() if session.auth_data else ""
        with open(os.path.join(out, "%d.env" % self.count), "w") as f:
            f.write("%s\n%s\n%s\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos), login))
        return "250 2.0.0 Ok: queued as test%d" % self.count


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"sam" and auth_data.password == b"s3cret"
    return AuthResult(success=ok, auth_data=auth_data)


s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, decode_data=False,
                        authenticator=authenticate, auth_require_tls=False)
controller.start()
with open(os.path.join(out, "port.tmp"), "w") as f:
    f.write(str(port))
os.rename(os.path.join(out, "port.tmp"), os.path.join(out, "port"))
threading.Event().wait(120)
controller.stop()
