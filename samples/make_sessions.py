#!/usr/bin/env python3
"""Writes samples/sessions.jsonl: 40 chat sessions written for the project, 8 of them invalid on purpose.

Deterministic (seed 42); standard library only. `--check` re-reads the file and verifies every session's
expected outcome (metadata.properties.expected) against the session requirements in DESIGN.md.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

OUT = Path(__file__).with_name("sessions.jsonl")

TOPICS = {
    "billing": ("You are a helpful support assistant for Acme Cloud.", [
        ("Why did my invoice for October go up by almost forty dollars compared with September?",
         "The increase comes from the extra storage volume you attached on October 12. Storage is billed per gigabyte-month, so a full month of the new volume adds about thirty-eight dollars. You can see the line item under Storage in the invoice details."),
        ("Can I switch my account from monthly billing to an annual plan with a discount?",
         "Yes, annual plans are available from the Billing page under Plan and usage. Switching gives a fifteen percent discount and the remaining days of your current month are credited automatically. The change takes effect at the next renewal date."),
        ("Is there a way to set a spending alert so I know before the bill gets too high?",
         "You can create a budget alert under Billing, then Budgets. Choose a monthly amount and a threshold such as eighty percent, and we will email every account owner when forecast spending crosses it. Alerts are free and can be edited at any time."),
        ("Which payment methods do you accept besides credit cards for business accounts?",
         "Business accounts can pay by SEPA direct debit, ACH transfer, or invoice with thirty-day terms after a credit review. Credit and debit cards remain available as a fallback. Contact the sales team if you need purchase orders referenced on invoices."),
        ("I was charged twice this month, how do I get the duplicate payment refunded quickly?",
         "I am sorry about that. I have opened a refund request for the duplicate charge, and refunds usually reach the original payment method within five business days. You will receive an email confirmation with the reference number shortly."),
        ("Do you charge for data transfer between regions inside the same account?",
         "Transfers between regions are billed at two cents per gigabyte, while traffic inside one region is free. If you replicate backups across regions, the transfer appears as inter-region egress on the invoice. Compressing backups before replication reduces the cost noticeably."),
    ]),
    "password": ("You are the account security assistant for a web mail service.", [
        ("I forgot my password and the reset email never arrives in my inbox, what should I do?",
         "First check the spam and promotions folders, because reset emails are sometimes filtered there. If it is not there after ten minutes, confirm that the recovery address on file is still active. I can also send the reset link by text message to your verified phone."),
        ("How do I turn on two-factor authentication with an authenticator app on my phone?",
         "Open Security settings, choose Two-step verification, and select Authenticator app. Scan the QR code with the app, then type the six-digit code it shows to confirm. Save the backup codes somewhere safe in case you lose the phone."),
        ("Someone logged into my account from another country yesterday, is my account compromised?",
         "That sign-in is worth taking seriously. Change your password right away, sign out of all other sessions from the Security page, and review forwarding rules that could leak your mail. Turning on two-step verification prevents the same password from being enough again."),
        ("Can I use a passkey instead of a password when I sign in from my laptop?",
         "Yes, passkeys are supported on current versions of Chrome, Safari, Edge and Firefox. Go to Security, then Passkeys, and follow the prompt from your laptop's fingerprint reader or PIN. Your password keeps working as a fallback until you remove it."),
        ("What makes a strong password that I can still remember without writing it down?",
         "A long passphrase of four or five unrelated words is both strong and memorable, for example a short sentence nobody would guess. Length matters more than symbols. A password manager is even better because it creates and remembers unique passwords for every site."),
    ]),
    "recipes": ("You are a friendly cooking assistant.", [
        ("I have chickpeas, spinach, garlic and a can of tomatoes, what can I cook for dinner tonight?",
         "A quick chickpea and spinach stew works well. Soften sliced garlic in olive oil, add the tomatoes with cumin and paprika, simmer ten minutes, then stir in the chickpeas and spinach until wilted. Serve it with bread or rice and a squeeze of lemon."),
        ("How long should I rest a steak after cooking it in a cast iron pan?",
         "Rest a steak about five minutes for every inch of thickness, loosely covered with foil. Resting lets the juices settle so they stay in the meat when you slice it. Cut against the grain for the most tender bites."),
        ("My bread dough did not rise at all after two hours, what could have gone wrong?",
         "The most common causes are old yeast, water that was too hot, or a cold kitchen. Test the yeast in warm water with a pinch of sugar; it should foam within ten minutes. Let the dough rise somewhere around twenty-five degrees Celsius and give it more time."),
        ("Can I replace eggs in a banana bread recipe to make it vegan?",
         "Yes, ripe banana already binds well, so you can replace each egg with a tablespoon of ground flaxseed mixed with three tablespoons of water. Let the mixture thicken for five minutes before adding it. The loaf will be slightly denser but just as moist."),
        ("What is a simple way to make a creamy tomato soup without adding heavy cream?",
         "Blend a handful of soaked cashews or a cooked potato into the soup for creaminess. Roasting the tomatoes with onion and garlic first deepens the flavour. Finish with basil and a little olive oil instead of cream."),
    ]),
    "travel": ("You are a travel planning assistant.", [
        ("I have four days in Lisbon in March, which neighbourhoods should I stay in as a first-time visitor?",
         "Baixa and Chiado are central, flat and close to trams, restaurants and the river. Alfama is charming and quieter at night but hilly with narrow streets. Príncipe Real suits you if you like cafés, gardens and small design shops."),
        ("What is the cheapest way to get from the airport to the city centre late at night?",
         "The metro stops around one in the morning, so after that the night bus or a ride-share is the cheapest option. Night buses cost about two euros but run every half hour. A shared ride usually costs fifteen to twenty euros to the centre."),
        ("Is it worth buying a city pass for museums and public transport for three days?",
         "It pays off if you plan at least three paid museums a day and ride transport often. Otherwise single tickets and a rechargeable transport card are cheaper. Check which sights are free on Sunday mornings, since that can change the math."),
        ("Can you suggest a day trip from the city that is reachable by train in under an hour?",
         "Sintra is about forty minutes by train and has palaces, gardens and forest trails. Go early on a weekday to avoid queues, and wear comfortable shoes because the hills are steep. Cascais is another easy option if you prefer beaches."),
        ("What should I pack for a week of hiking in the Scottish Highlands in late September?",
         "Pack waterproof boots, a rain jacket with a hood, warm layers and quick-drying trousers. Midges can still be around, so bring repellent and a head net. A paper map and compass are wise because phone signal disappears in many glens."),
    ]),
    "python": ("You are a patient Python programming tutor.", [
        ("Why does my Python script raise KeyError when I read a value from a dictionary loaded from JSON?",
         "KeyError means the key is not in the dictionary, often because of different spelling or letter case in the JSON. Print the keys with list(data) to compare. Use data.get('name') when a missing key is acceptable, which returns None instead of raising."),
        ("How do I read a large CSV file line by line without loading it all into memory?",
         "Open the file and iterate over csv.reader or csv.DictReader; both stream one row at a time. Avoid calling list() on the reader, which loads everything. For heavy processing, pandas can also read in chunks with the chunksize argument."),
        ("What is the difference between a list comprehension and a generator expression in practice?",
         "A list comprehension builds the whole list in memory at once, while a generator expression produces items lazily as you iterate. Use a generator when you only loop once or the data is large. Use a list when you need indexing or several passes."),
        ("My virtual environment keeps using the system Python instead of the version I installed, why?",
         "The environment uses whichever interpreter created it. Recreate it with the exact interpreter path, for example python3.12 -m venv .venv, then activate it again. Running which python after activation confirms which binary your shell actually uses."),
        ("How can I make my unit tests run faster when they all hit a real database?",
         "Wrap each test in a transaction that is rolled back at the end, so setup stays cheap. Reuse one database per test session rather than creating it for each test. Running tests in parallel with separate schemas also helps on machines with several cores."),
    ]),
    "sql": ("You are a database assistant that helps with SQL.", [
        ("How do I find customers who placed no orders at all in the last ninety days?",
         "Use a left join from customers to recent orders and keep the rows where the order is missing. Filter the orders by order date within the join condition, not in the where clause, otherwise the left join turns into an inner join."),
        ("Why is my query with a LIKE filter on the email column so slow on a big table?",
         "A pattern that starts with a wildcard cannot use an ordinary index, so the database scans every row. If you search by domain, store the domain in its own indexed column. PostgreSQL also offers trigram indexes that speed up arbitrary substring searches."),
        ("What is the difference between WHERE and HAVING when I group rows?",
         "WHERE filters individual rows before grouping, while HAVING filters whole groups after aggregation. Put conditions on plain columns in WHERE for speed. Use HAVING only for conditions on aggregates such as count or sum."),
        ("How can I delete duplicate rows but keep one copy of each in PostgreSQL?",
         "Number the duplicates with row_number over a partition by the columns that define a duplicate, then delete the rows whose number is greater than one. Run it inside a transaction and check the count before committing. Add a unique constraint afterwards to prevent new duplicates."),
        ("Should I store timestamps with time zone or without in my application tables?",
         "Store timestamps with time zone for events that happened at a real moment, such as orders or logins. The database keeps them in UTC and converts on display. Use the plain type only for wall-clock values like opening hours."),
    ]),
    "fitness": ("You are a supportive fitness coach.", [
        ("I am a beginner, how many days a week should I lift weights to build strength?",
         "Three full-body sessions a week with a rest day between them is a solid start. Focus on squats, presses, rows and hinges with light weights and good form. Add a little weight each week while every repetition still feels controlled."),
        ("My knees hurt a bit after running, should I stop or change something in my training?",
         "Mild soreness often comes from increasing distance too fast or worn shoes. Reduce your weekly distance by a third, run on softer surfaces and check your shoes. If the pain is sharp or lasts several days, see a physiotherapist before continuing."),
        ("What should I eat before an early morning workout if I am not hungry?",
         "Something small and easy to digest works best, like a banana, a slice of toast with honey, or a glass of milk. Eat it twenty to thirty minutes before training. Drink water too, because most people wake up slightly dehydrated."),
        ("How do I stay motivated to exercise when work is stressful and I feel tired?",
         "Lower the bar on hard days: a twenty-minute walk or a short routine still keeps the habit alive. Schedule workouts like meetings and prepare your clothes the night before. Training with a friend also makes skipping less tempting."),
        ("Is stretching before a workout useful or should I do something else to warm up?",
         "Dynamic movements such as leg swings, lunges and arm circles prepare the body better than long static stretches. Spend five to ten minutes raising your heart rate gradually. Save longer static stretching for after the workout."),
    ]),
    "gardening": ("You are a gardening advisor.", [
        ("The leaves on my tomato plants are turning yellow from the bottom up, what is wrong?",
         "Yellowing that starts on the lowest leaves usually means a nitrogen shortage or early blight. Remove the affected leaves, water at the base rather than over the foliage, and feed with a balanced fertiliser. Mulching helps keep soil from splashing onto leaves."),
        ("When is the best time to plant garlic in a temperate climate with cold winters?",
         "Plant garlic in autumn, a few weeks before the ground freezes, so the cloves can root before winter. Set them pointy end up about five centimetres deep. Harvest next summer when the lower leaves turn brown."),
        ("How often should I water succulents that sit on a sunny windowsill indoors?",
         "Water succulents thoroughly only when the soil is completely dry, which is often every two or three weeks indoors. Use a pot with a drainage hole and never let it stand in water. In winter they need even less."),
        ("What can I plant in a shady corner of the garden where grass refuses to grow?",
         "Hostas, ferns, hellebores and foxgloves all tolerate shade well. A ground cover such as ajuga or sweet woodruff fills gaps where grass fails. Improve the soil with compost because shady spots under trees are often dry."),
        ("How do I get rid of slugs without using chemical pellets in my vegetable beds?",
         "Beer traps, copper tape around raised beds and evening hand-picking all reduce slugs without chemicals. Encourage frogs, birds and hedgehogs by leaving a wild corner. Watering in the morning instead of the evening also makes the beds less inviting."),
    ]),
    "network": ("You are a home network troubleshooting assistant.", [
        ("My Wi-Fi drops every evening around eight, but the cable connection stays fine, why?",
         "Evening drops often come from channel congestion when neighbours are online. Log into the router and switch the 2.4 gigahertz band to channel 1, 6 or 11, or use the 5 gigahertz band. Updating the router firmware also fixes many stability bugs."),
        ("How can I see which devices are connected to my home network right now?",
         "The router's admin page lists connected devices, usually under a section called clients or attached devices. Compare the names and hardware addresses with your own devices. Change the Wi-Fi password if you find something you do not recognise."),
        ("Is it safe to leave remote management enabled on my router for convenience?",
         "It is safer to turn remote management off unless you really need it. If you keep it, change the default admin password, restrict access to specific addresses and keep the firmware updated. Many router attacks target exactly this feature."),
        ("My smart TV is slow to stream in the bedroom but fast in the living room, how do I fix it?",
         "The bedroom is probably too far from the router or behind thick walls. A mesh system or a powerline adapter with Wi-Fi can extend coverage. For streaming, a wired connection through a powerline adapter is the most reliable choice."),
        ("What does it mean when my laptop says connected but no internet access?",
         "Your laptop reached the router but the router cannot reach the internet, or the address settings are wrong. Restart the modem and router, then check whether other devices work. If only the laptop fails, forget the network and reconnect."),
    ]),
    "cover_letter": ("You are a career coach who helps people write job applications.", [
        ("How should I open a cover letter for a junior data analyst role without sounding generic?",
         "Open with a specific result, for example a project where your analysis changed a decision. Name the company and the role in the first two sentences. Avoid phrases like I am writing to apply, which every reader has seen many times."),
        ("Should my cover letter repeat what is already written in my resume?",
         "No, use the letter to connect your experience to the employer's needs and tell one or two short stories the resume cannot. Mention skills from the job advert and show where you used them. Keep it under one page."),
        ("How do I explain a two-year gap in my employment history in a cover letter?",
         "Address it briefly and positively in one or two sentences, such as caring for family or studying. Mention anything you learned or kept up with during the gap. Then move on quickly to why you fit the role now."),
        ("Is it okay to send the same cover letter to several companies with small changes?",
         "A common template is fine, but tailor the opening, the company name and the examples to each job. Recruiters notice generic letters quickly. Ten minutes of research on each company makes the letter noticeably stronger."),
    ]),
}

START = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)
FOLLOW_UPS = [
    "Thanks, that helps. One more thing related to this:",
    "Okay, understood. Could you also tell me",
    "Great explanation, and a follow-up question:",
    "That makes sense. I am also wondering",
]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def conversation(rng, topic, pairs, start, gap_after=None):
    system, qa = TOPICS[topic]
    chosen = rng.sample(qa, k=min(pairs, len(qa)))
    while len(chosen) < pairs:
        chosen.append(rng.choice(qa))
    t = start
    messages = [{"role": "system", "content": system, "timestamp": iso(t)}]
    for i, (question, answer) in enumerate(chosen):
        t += timedelta(seconds=rng.randint(20, 90))
        if gap_after is not None and i == gap_after:
            t += timedelta(minutes=75)
        prefix = "" if i == 0 else rng.choice(FOLLOW_UPS) + " "
        # The turn number keeps repeated questions apart, as a real conversation would.
        user = prefix + question[0].lower() + question[1:] if prefix else question
        messages.append({"role": "user", "content": user, "timestamp": iso(t)})
        t += timedelta(seconds=rng.randint(30, 120))
        messages.append({"role": "assistant", "content": answer, "timestamp": iso(t)})
    return messages, t


def session(number, user, model, messages, start, end, expected, channel):
    return {
        "sessionId": f"sample-{number:03d}",
        "userId": f"user-{user:02d}",
        "modelName": model,
        "messages": messages,
        "metadata": {
            "startTime": iso(start),
            "endTime": iso(end),
            "properties": {"channel": channel, "locale": "en-US", "expected": expected},
        },
    }


def build():
    rng = random.Random(42)
    topics = list(TOPICS)
    invalid_at = {5: "too_few_messages", 9: "too_many_messages", 14: "too_short", 18: "too_long",
                  23: "invalid_role", 27: "empty_content", 31: "timestamps_out_of_order", 36: "invalid_role,empty_content"}
    out = []
    for n in range(1, 41):
        topic = topics[(n - 1) % len(topics)]
        start = START + timedelta(days=(n - 1) % 17, hours=rng.randint(0, 10), minutes=rng.randint(0, 59))
        user = (n - 1) % 12 + 1
        channel = rng.choice(["web", "mobile", "slack"])
        kind = invalid_at.get(n, "accepted")
        pairs = rng.randint(5, 12)
        gap = 3 if n == 12 else None
        messages, last = conversation(rng, topic, pairs, start, gap_after=gap)
        end = last + timedelta(minutes=rng.randint(1, 20))
        if (end - start) < timedelta(minutes=6):
            end = start + timedelta(minutes=6 + rng.randint(0, 10))
        model = "support-bot" if n == 20 else "default"

        if n in (7, 25):  # PII that the processor will later redact
            pii = " You can reach me at jane.doe@example.com." if n == 7 else " My number is +1 415 555 0134 if that helps."
            messages[1]["content"] += pii
        if kind == "too_few_messages":
            messages = messages[:4]
        elif kind == "too_many_messages":
            t = start
            messages = [{"role": "system", "content": TOPICS[topic][0], "timestamp": iso(t)}]
            for i in range(1000):
                t += timedelta(seconds=20)
                role = "user" if i % 2 == 0 else "assistant"
                messages.append({"role": role, "content": f"{role} message {i}: still checking the details", "timestamp": iso(t)})
            end = t + timedelta(minutes=1)
        elif kind == "too_short":
            end = start + timedelta(minutes=2)
        elif kind == "too_long":
            end = start + timedelta(hours=30)
        elif kind == "invalid_role":
            messages[3]["role"] = "tool"
        elif kind == "empty_content":
            messages[4]["content"] = "   "
        elif kind == "timestamps_out_of_order":
            messages[6]["timestamp"] = iso(start - timedelta(minutes=1) + timedelta(seconds=30))
        elif kind == "invalid_role,empty_content":
            messages[3]["role"] = "tool"
            messages[4]["content"] = "   "
        out.append(session(n, user, model, messages, start, end, kind, channel))
    return out


def check(sessions):
    roles = {"system", "user", "assistant"}
    parse = lambda s: datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
    counts = {}
    for s in sessions:
        m = s["messages"]
        found = []
        if len(m) < 10:
            found.append("too_few_messages")
        if len(m) > 1000:
            found.append("too_many_messages")
        duration = parse(s["metadata"]["endTime"]) - parse(s["metadata"]["startTime"])
        if duration < timedelta(minutes=5):
            found.append("too_short")
        if duration > timedelta(hours=24):
            found.append("too_long")
        if any(x["role"] not in roles for x in m):
            found.append("invalid_role")
        if any(not x["content"].strip() for x in m):
            found.append("empty_content")
        if any(parse(b["timestamp"]) < parse(a["timestamp"]) for a, b in zip(m, m[1:])):
            found.append("timestamps_out_of_order")
        expected = s["metadata"]["properties"]["expected"]
        actual = ",".join(found) or "accepted"
        assert actual == expected, f"{s['sessionId']}: expected {expected}, rules say {actual}"
        counts[expected] = counts.get(expected, 0) + 1
    return counts


if __name__ == "__main__":
    if "--check" in sys.argv:
        sessions = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        sessions = build()
        with OUT.open("w", encoding="utf-8") as f:
            for s in sessions:
                f.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(json.dumps(check(sessions), indent=1, sort_keys=True), f"({len(sessions)} sessions, {OUT.stat().st_size} bytes)")
