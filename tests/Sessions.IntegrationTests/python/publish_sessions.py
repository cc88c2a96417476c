#!/usr/bin/python3
"""A chat backend that is not written in .NET: publishes SessionEnded as plain JSON with pika.

Usage: publish_sessions.py HOST PORT VHOST EXCHANGE < bodies
Each line of standard input is published as it is (one message body per line), with content type
application/json and no MassTransit envelope, to the fanout exchange the processor binds.
"""
import sys

import pika

host, port, vhost, exchange = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
params = pika.ConnectionParameters(host=host, port=port, virtual_host=vhost,
                                   credentials=pika.PlainCredentials("guest", "guest"))
connection = pika.BlockingConnection(params)
channel = connection.channel()
# Passive: the exchange must already exist, declared by the running processor.
channel.exchange_declare(exchange=exchange, exchange_type="fanout", durable=True, passive=True)
channel.confirm_delivery()
properties = pika.BasicProperties(content_type="application/json", delivery_mode=2)
count = 0
for line in sys.stdin.buffer:
    body = line.rstrip(b"\r\n")
    if not body:
        continue
    channel.basic_publish(exchange=exchange, routing_key="", body=body, properties=properties, mandatory=False)
    count += 1
connection.close()
print(f"published {count}")
