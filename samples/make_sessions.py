#!/usr/bin/env python3
"""Writes samples/sessions.jsonl: 40 finished chat sessions, 32 valid and 8 invalid on purpose.

Standard library only and deterministic (random seed 42): running it twice gives the same bytes.

    python3 samples/make_sessions.py            # write samples/sessions.jsonl, then check it
    python3 samples/make_sessions.py --check    # only check the existing file

Every session carries metadata.properties.expected: "accepted", or the comma-separated rejection codes the
session requirements produce for it (message count 10..1000, duration 5 min..24 h, roles system|user|assistant,
non-blank content, non-decreasing timestamps), in the order the processor reports them: message count first,
then per-message rules in the order of their first offending message, then duration.

The check recomputes those codes from the file, and also verifies the shape of the valid sessions (alternating
turns ending on the assistant, strictly increasing timestamps, 6 minutes..3 hours, turn lengths, no repeated
turns, no two identical sessions), that exactly two valid sessions contain PII (one email address, one phone
number), that one valid session has a silence of more than an hour, and that one valid session uses the model
"support-bot".
"""
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

OUT = Path(__file__).with_name("sessions.jsonl")
SEED = 42

# Per topic: a system prompt, a few first-turn context sentences, and question/answer pairs.
TOPICS = {
    "billing": {
        "system": "You are a helpful support assistant for Acme Cloud.",
        "context": [
            "I manage the cloud account for a small design agency.",
            "We moved our web shop to Acme Cloud in the spring.",
            "I am the only person in our company who looks at the cloud bill.",
            "Our finance team asked me to look into the latest charges.",
        ],
        "pairs": [
            ("Why did my invoice for October go up by almost forty dollars compared with September?",
             "The increase comes from the extra storage volume you attached on October 12. Storage is billed per gigabyte-month, so a full month of the new volume adds about thirty-eight dollars. You can see the line item under Storage in the invoice details."),
            ("Can I switch my account from monthly billing to an annual plan with a discount?",
             "Yes, annual plans are available from the Billing page under Plan and usage. Switching gives a fifteen percent discount and the remaining days of your current month are credited automatically. The change takes effect at the next renewal date."),
            ("Is there a way to set a spending alert so I know before the bill gets too high?",
             "You can create a budget alert under Billing, then Budgets. Choose a monthly amount and a threshold such as eighty percent, and we will notify every account owner when forecast spending crosses it. Alerts are free and can be edited at any time."),
            ("Which payment methods do you accept besides credit cards for business accounts?",
             "Business accounts can pay by SEPA direct debit, ACH transfer, or invoice with thirty-day terms after a credit review. Credit and debit cards remain available as a fallback. Contact the sales team if you need purchase orders referenced on invoices."),
            ("I was charged twice this month, how do I get the duplicate payment refunded quickly?",
             "I am sorry about that. I have opened a refund request for the duplicate charge, and refunds usually reach the original payment method within five business days. You will receive a confirmation with the reference number shortly."),
            ("Do you charge for data transfer between regions inside the same account?",
             "Transfers between regions are billed at two cents per gigabyte, while traffic inside one region is free. If you replicate backups across regions, the transfer appears as inter-region egress on the invoice. Compressing backups before replication reduces the cost noticeably."),
            ("How do I add a second credit card as a backup in case the first payment fails?",
             "Go to Billing, then Payment methods, and choose Add payment method. After the card is verified, mark it as the backup so we try it automatically if the primary charge is declined. You can reorder or remove cards there whenever you like."),
            ("Can I get a copy of all my invoices from this year as PDF files for my accountant?",
             "Yes, the Invoices tab has a download button next to each invoice and an Export all option at the top. Choose the date range for this year and you will receive a single zip archive with every PDF. You can also add your accountant as a billing-only user so they can download them directly."),
            ("Our startup received promotional credits, so why is my card still being charged every month?",
             "Credits only cover eligible services, and items such as marketplace software or premium support are excluded. Open Billing, then Credits, to see the remaining balance and which services each credit applies to. Anything outside that list is charged to your default payment method."),
            ("If I delete a virtual machine halfway through the month, am I still billed for the full month?",
             "No, compute is billed per second with a one-minute minimum, so charges stop as soon as the machine is deleted. Attached disks and reserved addresses keep billing until you delete them separately. Check the Storage page afterwards for leftover volumes."),
            ("How do I change the company name and tax number that appear on my invoices?",
             "Open Billing, then Account details, and update the legal name, address and tax identification number. The new details appear on all invoices issued after the change. If you need an older invoice reissued, tell me which one and I can request a corrected copy."),
        ],
    },
    "password": {
        "system": "You are the account security assistant for a web mail service.",
        "context": [
            "I mostly use the web mail on my laptop and on my phone.",
            "This is my personal mailbox and I have had it for over ten years.",
            "I share the laptop with my kids, so I want to be careful.",
            "I am not very technical, so please keep it simple.",
        ],
        "pairs": [
            ("I forgot my password and the reset email never arrives in my inbox, what should I do?",
             "First check the spam and promotions folders, because reset messages are sometimes filtered there. If it is not there after ten minutes, confirm that the recovery address on file is still active. I can also send the reset link by text message to your verified phone."),
            ("How do I turn on two-factor authentication with an authenticator app on my phone?",
             "Open Security settings, choose Two-step verification, and select Authenticator app. Scan the QR code with the app, then type the six-digit code it shows to confirm. Save the backup codes somewhere safe in case you lose the phone."),
            ("Someone logged into my account from another country yesterday, is my account compromised?",
             "That sign-in is worth taking seriously. Change your password right away, sign out of all other sessions from the Security page, and review forwarding rules that could leak your mail. Turning on two-step verification prevents the same password from being enough again."),
            ("Can I use a passkey instead of a password when I sign in from my laptop?",
             "Yes, passkeys are supported on current versions of Chrome, Safari, Edge and Firefox. Go to Security, then Passkeys, and follow the prompt from your laptop's fingerprint reader or PIN. Your password keeps working as a fallback until you remove it."),
            ("What makes a strong password that I can still remember without writing it down?",
             "A long passphrase of four or five unrelated words is both strong and memorable, for example a short sentence nobody would guess. Length matters more than symbols. A password manager is even better because it creates and remembers unique passwords for every site."),
            ("I changed my phone and now the authenticator app shows no codes for my account, how do I get back in?",
             "Use one of the backup codes you saved when you set up two-step verification, since each code works once. After signing in, remove the old phone under Security and add the authenticator on the new one. If you have no backup codes, start account recovery and we will verify you through your recovery address."),
            ("Why does the site keep telling me my new password was used before when I have never used it?",
             "We block your last ten passwords, and the check also rejects passwords that differ only by a number at the end. Try something substantially different, such as a new passphrase. Make sure caps lock is off, since that can make a familiar password look new to you."),
            ("My account got locked after too many failed attempts, how long until I can try again?",
             "A lock after repeated failed attempts lasts thirty minutes and then clears automatically. If you are unsure of the password, use the reset link instead of guessing, because every new failure restarts the timer. You can also unlock immediately by confirming a code sent to your recovery phone."),
            ("Is it safe to let my browser save my passwords or should I use a separate password manager?",
             "Modern browser password managers are reasonably safe as long as your device has a screen lock and your browser account uses two-step verification. A dedicated password manager adds secure sharing and breach alerts and works across different browsers. Either option beats reusing the same password everywhere."),
            ("I received a message asking me to confirm my password through a link, is that really from you?",
             "We never ask you to confirm your password through a link, so treat that message as phishing. Do not click it; use the Report phishing button instead so our filters learn from it. If you already entered your password there, change it right away and sign out all other sessions."),
        ],
    },
    "recipes": {
        "system": "You are a friendly cooking assistant.",
        "context": [
            "I am cooking for two tonight and do not want to go shopping.",
            "I only have a small kitchen with two burners and an oven.",
            "I am trying to cook at home more often instead of ordering takeaway.",
            "My partner is vegetarian, so I mostly cook without meat.",
        ],
        "pairs": [
            ("I have chickpeas, spinach, garlic and a can of tomatoes, what can I cook for dinner tonight?",
             "A quick chickpea and spinach stew works well. Soften sliced garlic in olive oil, add the tomatoes with cumin and paprika, simmer ten minutes, then stir in the chickpeas and spinach until wilted. Serve it with bread or rice and a squeeze of lemon."),
            ("How long should I rest a steak after cooking it in a cast iron pan?",
             "Rest a steak about five minutes for every inch of thickness, loosely covered with foil. Resting lets the juices settle so they stay in the meat when you slice it. Cut against the grain for the most tender bites."),
            ("My bread dough did not rise at all after two hours, what could have gone wrong?",
             "The most common causes are old yeast, water that was too hot, or a cold kitchen. Test the yeast in warm water with a pinch of sugar, and it should foam within ten minutes. Let the dough rise somewhere around twenty-five degrees Celsius and give it more time."),
            ("Can I replace the eggs in a banana bread recipe to make it vegan?",
             "Yes, ripe banana already binds well, so you can replace each egg with a tablespoon of ground flaxseed mixed with three tablespoons of water. Let the mixture thicken for five minutes before adding it. The loaf will be slightly denser but just as moist."),
            ("What is a simple way to make a creamy tomato soup without adding heavy cream?",
             "Blend a handful of soaked cashews or a cooked potato into the soup for creaminess. Roasting the tomatoes with onion and garlic first deepens the flavour. Finish with basil and a little olive oil instead of cream."),
            ("How do I cook rice on the stove so it does not turn mushy or stick to the pot?",
             "Rinse the rice until the water runs mostly clear, then use about one and a half cups of water per cup of long-grain rice. Bring it to a boil, cover tightly, and simmer on the lowest heat for fifteen minutes. Let it rest off the heat for ten minutes before fluffing it with a fork."),
            ("I am hosting eight people on Saturday, what is a main course I can prepare mostly in advance?",
             "A slow-braised dish such as beef ragu, chicken cacciatore or a vegetable lasagne is ideal because it tastes better the next day. Cook it on Friday, cool it quickly and refrigerate it overnight. On Saturday you only need to reheat it gently and prepare a salad and some bread."),
            ("What can I do with overripe bananas besides making another loaf of banana bread?",
             "Freeze them in slices for smoothies, or blend frozen pieces into a quick soft-serve style dessert. They also work in pancakes, oat muffins and baked oatmeal, where they replace part of the sugar. Mashed banana can even stand in for some of the butter in brownies."),
            ("My homemade pizza always has a soggy middle, how do I get a crisp base in a normal oven?",
             "Preheat the oven as hot as it goes for at least thirty minutes with a baking steel or an upside-down tray inside. Use less sauce in the centre and pat wet toppings like mozzarella dry. Slide the pizza onto the hot surface so the base starts crisping immediately."),
            ("How can I make a weeknight curry taste deeper without spending hours simmering it?",
             "Bloom the ground spices in hot oil for a minute before adding liquid, which releases much more flavour. A spoon of tomato paste fried with the onions, a little soy sauce, and a squeeze of lime at the end all add depth quickly. Finishing with fresh coriander brightens everything."),
        ],
    },
    "travel": {
        "system": "You are a travel planning assistant.",
        "context": [
            "My partner and I are planning our first holiday in two years.",
            "I am travelling alone and on a fairly tight budget this time.",
            "We are a family of four with two kids aged six and nine.",
            "I have some vacation days left that I need to use before the end of the year.",
        ],
        "pairs": [
            ("I have four days in Lisbon in March, which neighbourhoods should I stay in as a first-time visitor?",
             "Baixa and Chiado are central, flat and close to trams, restaurants and the river. Alfama is charming and quieter at night but hilly with narrow streets. Principe Real suits you if you like cafes, gardens and small design shops."),
            ("What is the cheapest way to get from the airport to the city centre late at night?",
             "The metro stops around one in the morning, so after that the night bus or a ride-share is the cheapest option. Night buses cost about two euros but run only every half hour. A shared ride usually costs fifteen to twenty euros to the centre."),
            ("Is it worth buying a city pass for museums and public transport for three days?",
             "It pays off if you plan at least three paid museums a day and ride transport often. Otherwise single tickets and a rechargeable transport card are cheaper. Check which sights are free on Sunday mornings, since that can change the math."),
            ("Can you suggest a day trip from the city that is reachable by train in under an hour?",
             "Sintra is about forty minutes by train and has palaces, gardens and forest trails. Go early on a weekday to avoid queues, and wear comfortable shoes because the hills are steep. Cascais is another easy option if you prefer beaches."),
            ("What should I pack for a week of hiking in the Scottish Highlands in late September?",
             "Pack waterproof boots, a rain jacket with a hood, warm layers and quick-drying trousers. Midges can still be around, so bring repellent and a head net. A paper map and compass are wise because phone signal disappears in many glens."),
            ("Do I need a visa to visit Japan for two weeks if I travel on a Canadian passport?",
             "Canadian citizens can visit Japan for tourism for up to ninety days without a visa. Your passport should be valid for the whole stay, and you may be asked for a return ticket on arrival. It is worth checking the official embassy site shortly before you travel in case the rules change."),
            ("How early should I book train tickets for a trip across Italy in the summer?",
             "Regional train prices are fixed, so you can buy them on the day, but high-speed tickets get more expensive closer to departure. Booking two to four weeks ahead usually gets good fares in summer. Keep some flexibility by choosing tickets that allow changes for a small fee."),
            ("We are travelling with a toddler, do you have any tips for surviving a ten-hour flight?",
             "Book a bassinet or a seat near the front if you can, and schedule the flight around nap time if possible. Pack snacks, a few new small toys and a tablet with downloaded shows. Bring a full change of clothes for both the child and yourself in the cabin bag."),
            ("Is travel insurance really necessary for a short trip somewhere within Europe?",
             "Your health insurance card may cover emergency care, but it does not cover cancellations, lost luggage or repatriation. A basic annual policy is often cheaper than several single-trip ones. Check whether your credit card already includes travel cover before buying more."),
            ("What is a realistic daily budget for backpacking through Vietnam for a month?",
             "Many backpackers spend around thirty to forty dollars a day, covering hostels, street food and local buses. Domestic flights, guided tours such as Ha Long Bay cruises and diving add noticeably to that. Budget a little extra for the first days while you learn typical prices."),
        ],
    },
    "python": {
        "system": "You are a patient Python programming tutor.",
        "context": [
            "I am learning Python in the evenings after work.",
            "I am writing a small script to automate a boring report at my job.",
            "I come from a JavaScript background, so some things in Python still confuse me.",
            "This is for a university assignment that is due on Friday.",
        ],
        "pairs": [
            ("Why does my Python script raise KeyError when I read a value from a dictionary loaded from JSON?",
             "KeyError means the key is not in the dictionary, often because of different spelling or letter case in the JSON. Print the keys with list(data) to compare them. Use data.get('name') when a missing key is acceptable, which returns None instead of raising."),
            ("How do I read a large CSV file line by line without loading it all into memory?",
             "Open the file and iterate over csv.reader or csv.DictReader, since both stream one row at a time. Avoid calling list() on the reader, which loads everything. For heavy processing, pandas can also read in chunks with the chunksize argument."),
            ("What is the difference between a list comprehension and a generator expression in practice?",
             "A list comprehension builds the whole list in memory at once, while a generator expression produces items lazily as you iterate. Use a generator when you only loop once or the data is large. Use a list when you need indexing or several passes."),
            ("My virtual environment keeps using the system Python instead of the version I installed, why?",
             "The environment uses whichever interpreter created it. Recreate it with the exact interpreter, for example python3.12 -m venv .venv, then activate it again. Running which python after activation confirms which binary your shell actually uses."),
            ("How can I make my unit tests run faster when they all hit a real database?",
             "Wrap each test in a transaction that is rolled back at the end, so setup stays cheap. Reuse one database per test session rather than creating it for each test. Running tests in parallel with separate schemas also helps on machines with several cores."),
            ("How do I pass command line arguments to my script instead of editing variables at the top?",
             "Use the argparse module from the standard library. Create a parser, add arguments with types and defaults, and call parse_args to get an object with the values. It also generates a help message automatically when someone runs the script with the help flag."),
            ("Why does my function remember values from the previous call when I use a list as a default argument?",
             "Default arguments are evaluated once, when the function is defined, so the same list object is shared by every call. Use None as the default and create a new list inside the function when the argument is None. This is one of the most common surprises in Python."),
            ("What is the easiest way to run several HTTP requests at the same time in Python?",
             "For a handful of requests, a ThreadPoolExecutor from concurrent.futures with the requests library is simple and effective. If you need hundreds of concurrent calls, asyncio with an async client such as httpx scales better. Either way, limit concurrency so you do not overload the server."),
            ("My script works in PyCharm but fails with ModuleNotFoundError when I run it from the terminal, why?",
             "PyCharm probably uses a different interpreter or adds your project folder to the import path automatically. Check which interpreter the project uses and activate the same environment in the terminal. Running the code as a module with python -m from the project root also fixes many import problems."),
            ("How should I format dates in Python so they sort correctly as text in file names?",
             "Use the ISO order of year, month and day, for example strftime with the pattern year dash month dash day. Zero-padded numbers make alphabetical order match chronological order. Avoid colons if the files may end up on Windows, because they are not allowed in file names there."),
        ],
    },
    "sql": {
        "system": "You are a database assistant that helps with SQL.",
        "context": [
            "We use PostgreSQL for our internal reporting database.",
            "I am a data analyst and I write most of my queries by hand.",
            "Our orders table has around twenty million rows by now.",
            "I inherited this schema from a colleague who left the company.",
        ],
        "pairs": [
            ("How do I find customers who placed no orders at all in the last ninety days?",
             "Use a left join from customers to recent orders and keep the rows where the order is missing. Filter the orders by order date within the join condition, not in the where clause. Otherwise the left join quietly turns into an inner join and hides exactly the customers you want."),
            ("Why is my query with a LIKE filter on the email column so slow on a big table?",
             "A pattern that starts with a wildcard cannot use an ordinary index, so the database scans every row. If you search by domain, store the domain in its own indexed column. PostgreSQL also offers trigram indexes that speed up arbitrary substring searches."),
            ("What is the difference between WHERE and HAVING when I group rows in a query?",
             "WHERE filters individual rows before grouping, while HAVING filters whole groups after aggregation. Put conditions on plain columns in WHERE for speed. Use HAVING only for conditions on aggregates such as count or sum."),
            ("How can I delete duplicate rows but keep one copy of each in PostgreSQL?",
             "Number the duplicates with row_number over a partition by the columns that define a duplicate, then delete the rows whose number is greater than one. Run it inside a transaction and check the count before committing. Add a unique constraint afterwards to prevent new duplicates."),
            ("Should I store timestamps with time zone or without in my application tables?",
             "Store timestamps with time zone for events that happened at a real moment, such as orders or logins. The database keeps them in UTC and converts on display. Use the plain type only for wall-clock values like opening hours."),
            ("How do I get the top three products by revenue for each category in a single query?",
             "Compute revenue per product, then rank the rows with row_number or dense_rank over a partition by category ordered by revenue descending. Wrap that in a common table expression and keep the rows with a rank of three or less. Use dense_rank if ties should share a place."),
            ("My report double counts order totals after I join orders with order items, what am I doing wrong?",
             "Joining to order items repeats each order once per item, so summing the order total multiplies it. Aggregate the items in a subquery first, or sum the item amounts instead of the order column. Checking row counts before and after a join is a quick way to catch this."),
            ("Is it really bad practice to use SELECT star in production queries at work?",
             "It is usually best avoided because the query returns columns you do not need and breaks silently when the table changes. Listing columns explicitly makes the intent clear and can let the database use covering indexes. It is fine for quick exploration in a console."),
            ("How do I safely add a new column with a default value to a table with millions of rows?",
             "Recent PostgreSQL and MySQL versions can add a column with a constant default without rewriting the table, so it finishes almost instantly. On older versions, add the column as nullable, backfill it in small batches, then set the default. Test the migration on a copy of production data first."),
            ("What indexes should I create for a query that filters by status and sorts by creation date?",
             "A composite index on status followed by the creation date usually serves both the filter and the sort. Put the equality column first and the range or sort column second. Check the execution plan afterwards to confirm the database actually uses it."),
        ],
    },
    "fitness": {
        "system": "You are a supportive fitness coach.",
        "context": [
            "I am thirty-eight and getting back into exercise after a long break.",
            "I work at a desk all day and my back is starting to complain.",
            "I joined a gym last month but I still feel a bit lost there.",
            "I mostly train at home with a pair of dumbbells and a mat.",
        ],
        "pairs": [
            ("I am a beginner, how many days a week should I lift weights to build strength?",
             "Three full-body sessions a week with a rest day between them is a solid start. Focus on squats, presses, rows and hinges with light weights and good form. Add a little weight each week while every repetition still feels controlled."),
            ("My knees hurt a bit after running, should I stop or change something in my training?",
             "Mild soreness often comes from increasing distance too fast or from worn shoes. Reduce your weekly distance by a third, run on softer surfaces and check your shoes. If the pain is sharp or lasts several days, see a physiotherapist before continuing."),
            ("What should I eat before an early morning workout if I am not hungry at all?",
             "Something small and easy to digest works best, like a banana, a slice of toast with honey, or a glass of milk. Eat it twenty to thirty minutes before training. Drink water too, because most people wake up slightly dehydrated."),
            ("How do I stay motivated to exercise when work is stressful and I feel tired?",
             "Lower the bar on hard days, because a twenty-minute walk or a short routine still keeps the habit alive. Schedule workouts like meetings and prepare your clothes the night before. Training with a friend also makes skipping less tempting."),
            ("Is stretching before a workout useful or should I do something else to warm up?",
             "Dynamic movements such as leg swings, lunges and arm circles prepare the body better than long static stretches. Spend five to ten minutes raising your heart rate gradually. Save longer static stretching for after the workout."),
            ("How much protein should I eat per day if I want to build muscle without supplements?",
             "Most research supports roughly one and a half grams of protein per kilogram of body weight for muscle gain. Spread it across three or four meals with foods like eggs, dairy, legumes, fish and meat. Supplements are only a convenience if whole food is hard to fit in."),
            ("I only have twenty minutes at lunch, what kind of workout is actually worth doing?",
             "A circuit of goblet squats, push-ups, rows and lunges, forty seconds each with short rests, fits well into twenty minutes. Repeat the circuit four times and keep the pace steady. It builds strength and conditioning without needing a shower if you keep the intensity moderate."),
            ("How do I train for my first five kilometre race in about eight weeks?",
             "Run three times a week, mixing easy runs with one session of short intervals. Increase total weekly time by no more than ten percent and include one longer easy run on the weekend. In the final week, reduce volume so you arrive at the start line fresh."),
            ("Should I do cardio before or after lifting weights if I do both in one session?",
             "If strength is your main goal, lift first while you are fresh and do cardio afterwards. If endurance matters more, reverse the order. A short and easy cardio warm-up before lifting is fine either way."),
            ("How many hours of sleep do I need to recover properly from hard training sessions?",
             "Most adults who train hard recover best with seven to nine hours of sleep a night. Keeping a consistent bedtime and avoiding screens and heavy meals late in the evening improves sleep quality. If your performance drops and you feel constantly tired, treat extra sleep as part of the plan."),
        ],
    },
    "gardening": {
        "system": "You are a gardening advisor.",
        "context": [
            "I have a small back garden with clay soil.",
            "This is only my second year of growing my own vegetables.",
            "I live in a rented flat with a balcony and a few windowsills.",
            "My grandmother left me her garden and I want to keep it in good shape.",
        ],
        "pairs": [
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
            ("My basil on the kitchen windowsill keeps getting leggy and dropping leaves, what should I change?",
             "Basil wants at least six hours of bright light, so a south-facing window or a small grow light makes a big difference. Pinch off the top pair of leaves regularly to encourage bushier growth. Water when the top of the soil feels dry and keep it away from cold draughts."),
            ("How do I start a compost pile in a small backyard without it smelling bad?",
             "Balance green materials like vegetable scraps and grass clippings with brown materials such as dry leaves, cardboard and straw, roughly one part green to two parts brown. Turn the pile every week or two so air reaches the middle. A bad smell usually means it is too wet, which more brown material fixes."),
            ("When should I prune my old apple tree and how much can I cut off at once?",
             "Prune apple trees in late winter while they are dormant, before the buds open. Remove dead, damaged and crossing branches first, then thin the centre to let light in. Avoid removing more than about a quarter of the canopy in a single year."),
            ("What vegetables are easiest to grow in containers on a balcony that gets afternoon sun?",
             "Cherry tomatoes, peppers, lettuce, radishes, bush beans and herbs all do well in containers. Use pots that are at least thirty centimetres deep for tomatoes and peppers, with good drainage. Containers dry out fast in afternoon sun, so check the soil daily in summer."),
            ("Why are my hydrangea flowers pink this year when they always used to be blue?",
             "Hydrangea colour depends on soil acidity, because aluminium is only available to the plant in acidic soil. If the soil became more alkaline, perhaps from lime or hard tap water, the flowers turn pink. Adding aluminium sulfate or acidic compost in spring can bring the blue back."),
        ],
    },
    "network": {
        "system": "You are a home network troubleshooting assistant.",
        "context": [
            "We have a fibre connection and the router our provider gave us.",
            "I work from home three days a week, so a stable connection matters a lot.",
            "Our house has three floors and thick old stone walls.",
            "There are about fifteen devices on our network including the smart speakers.",
        ],
        "pairs": [
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
            ("Should I put my router in the basement or somewhere else in the house for the best coverage?",
             "Place the router centrally and as high as practical, such as on a shelf on the main floor. Basements, cupboards and spots near microwaves or large metal objects weaken the signal. If the modem line is in the basement, run a cable upstairs and put the router there."),
            ("How do I set up a separate guest Wi-Fi network so visitors cannot see my devices?",
             "Most routers have a guest network option in the wireless settings. Enable it, give it its own name and password, and make sure access to the local network is turned off. Visitors then get internet access without seeing your printers, computers or smart home devices."),
            ("My video calls freeze whenever someone else in the house starts a big download, can I prevent that?",
             "Enable quality of service on the router and give video conferencing or your work laptop higher priority. Some routers call this feature smart queue management, which reduces lag under load very effectively. Scheduling large downloads for the night also helps if your router lacks these options."),
            ("What is the difference between a mesh system and a simple Wi-Fi extender?",
             "An extender repeats the signal from your router and often halves the speed, and devices may stay stuck on the weaker network. A mesh system uses several coordinated units under one network name and hands devices off smoothly. For larger homes mesh is more reliable, while an extender is a cheap fix for a single dead spot."),
            ("Is it worth changing my DNS server to speed up browsing at home?",
             "Switching to a fast public DNS resolver can make the first connection to websites slightly quicker and can add features like malware blocking. It will not increase your download speed itself. You can change it once on the router so every device benefits."),
        ],
    },
    "cover_letter": {
        "system": "You are a career coach who helps people write job applications.",
        "context": [
            "I graduated in June and I am applying for my first full-time job.",
            "I have been with the same employer for eight years and I am out of practice.",
            "I have already sent out twenty applications without a single interview.",
            "English is my second language, so I want the letter to sound natural.",
        ],
        "pairs": [
            ("How should I open a cover letter for a junior data analyst role without sounding generic?",
             "Open with a specific result, for example a project where your analysis changed a decision. Name the company and the role in the first two sentences. Avoid phrases like I am writing to apply, which every reader has seen many times."),
            ("Should my cover letter repeat what is already written in my resume or not?",
             "No, use the letter to connect your experience to the employer's needs and tell one or two short stories the resume cannot. Mention skills from the job advert and show where you used them. Keep it under one page."),
            ("How do I explain a two-year gap in my employment history in a cover letter?",
             "Address it briefly and positively in one or two sentences, such as caring for family or studying. Mention anything you learned or kept up with during the gap. Then move on quickly to why you fit the role now."),
            ("Is it okay to send the same cover letter to several companies with small changes?",
             "A common template is fine, but tailor the opening, the company name and the examples to each job. Recruiters notice generic letters quickly. Ten minutes of research on each company makes the letter noticeably stronger."),
            ("How long should a cover letter be for a mid-level software engineering position?",
             "Aim for three to four short paragraphs, roughly two hundred fifty to four hundred words. Hiring managers skim, so every paragraph should earn its place with a concrete example. If it spills onto a second page, cut the generic sentences first."),
            ("I am changing careers from teaching to UX design, how do I make my experience sound relevant?",
             "Translate teaching skills into design language, because you observed how people learn, tested lesson plans, and iterated based on feedback. Mention any UX course projects with a clear problem, process and result. Framing the switch as a deliberate move rather than an escape makes a strong impression."),
            ("Who should I address the letter to if the job advert does not mention a hiring manager?",
             "Spend a few minutes on the company website or professional networks to find the team lead for the role. If you cannot find a name, Dear Hiring Team sounds warmer than To whom it may concern. Avoid guessing a name, since a wrong one looks careless."),
            ("How do I close a cover letter without sounding desperate or too pushy?",
             "End with a confident sentence that links your strengths to the role, then a simple line saying you would welcome the chance to discuss it further. Thank the reader for their time and sign off with Kind regards. Skip phrases that beg for a reply."),
            ("Should I mention salary expectations in my cover letter if the advert asks for them?",
             "If the advert explicitly asks, give a reasonable range based on market research rather than a single number. Add that you are flexible depending on the full package and responsibilities. If it is not requested, leave salary out of the letter entirely."),
            ("Does my opening line sound too informal for a bank if it says I have always loved numbers?",
             "That line is friendly but vague, and many applicants write something similar. A stronger version names a concrete achievement, for example reconciling accounts for a team of forty or automating a monthly report. Keep the tone warm but professional, which suits a bank well."),
        ],
    },
}

ASKING = {"How", "What", "Why", "When", "Which", "Who", "Is", "Can", "Should", "Do", "Does"}
GENERAL_SYSTEM = "You are a helpful general-purpose assistant."
GREETINGS = ["Hi!", "Hello.", "Hi there.", "Good morning.", "Hey,", "Hello again."]
FOLLOW_UPS = [
    "Thanks, that helps.", "Okay, that makes sense.", "Got it.", "Interesting, I did not know that.",
    "Good to know.", "Alright, thank you.", "That is clear now.", "Understood.", "Nice, one more question.",
    "Thanks for explaining.", "Makes sense, I will try it.", "Oh, that explains a lot.",
]
SWITCHES = [
    "Unrelated question, but since you are here:",
    "Completely different topic now, if that is okay.",
    "Can I ask you about something else as well?",
    "While I have you, a question from another area.",
]
CLOSINGS_USER = [
    "Thanks a lot, that is exactly what I needed to know for now, have a good day.",
    "Perfect, I will try that this evening and come back if it still does not work.",
    "That covers everything I wanted to ask, thank you for being so patient with me.",
    "Great, I think I have a clear plan now, thanks for walking me through all of it.",
    "Thank you, this was much more helpful than the forum threads I read earlier today.",
    "Alright, I am going to write this down and try it step by step tomorrow morning.",
]
CLOSINGS_ASSISTANT = [
    "You're welcome, I am glad this was useful. If something behaves differently from what we discussed, send me the exact details and we can look at it together.",
    "Happy to help with this. Take it one step at a time, and feel free to come back with any follow-up questions whenever you need.",
    "Good luck with it, I think you are well prepared now. Come back anytime if a new question pops up or the results surprise you.",
    "Glad we could sort this out together today. Keep notes on what you try, because that makes any further troubleshooting much faster and easier.",
    "It was a pleasure going through this with you. Have a great rest of your day, and do not hesitate to return if anything remains unclear.",
    "Thanks for the clear questions, they made it easy to help. Let me know how it goes, since the next step may depend on what you observe.",
]
EMAIL_PII = " The recovery address on my account is jane.doe@example.com, in case you need to look it up."
PHONE_PII = " If it is easier, you can call me back at +1 415 555 0134 during office hours."

# Session numbers of the planted cases.
INVALID_AT = {
    4: "too_few_messages", 9: "too_many_messages", 13: "too_short", 17: "invalid_role",
    22: "too_long", 26: "empty_content", 31: "timestamps_out_of_order", 37: "invalid_role,empty_content",
}
EMAIL_AT, PHONE_AT, SILENCE_AT, SUPPORT_BOT_AT = 6, 28, 15, 11
MIXED_AT = {8, 19, 24, 34}  # valid sessions that drift into a second topic (the longest ones)
FORCED_TOPIC = {EMAIL_AT: "password", PHONE_AT: "billing", SUPPORT_BOT_AT: "billing",
                17: "billing", 37: "network", 9: "python"}


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def lower_first(s):
    return s if s.split()[0] in ("I", "I'm", "UX") else s[0].lower() + s[1:]


def turns(rng, topics, max_messages, with_system, min_pairs=5, max_pairs=10):
    """(role, content) turns: optional system, then user/assistant pairs without repeats, maybe a closing pair."""
    first = topics[0]
    out = []
    if with_system:
        out.append(("system", GENERAL_SYSTEM if len(topics) > 1 else TOPICS[first]["system"]))
    follow_ups = rng.sample(FOLLOW_UPS, k=len(FOLLOW_UPS))
    for index, topic in enumerate(topics):
        pool = TOPICS[topic]["pairs"]
        count = rng.randint(min_pairs, min(max_pairs, len(pool)))
        for j, (question, answer) in enumerate(rng.sample(pool, k=count)):
            if index == 0 and j == 0:
                parts = [rng.choice(GREETINGS)] if rng.random() < 0.6 else []
                if rng.random() < 0.7:
                    parts.append(rng.choice(TOPICS[topic]["context"]))
                user = " ".join(parts + [question])
            elif j == 0:
                user = rng.choice(SWITCHES) + " " + question
            elif rng.random() < 0.55 and follow_ups:
                user = follow_ups.pop() + " " + question
            elif rng.random() < 0.3 and question.split()[0] in ASKING:
                user = "And " + lower_first(question)
            else:
                user = question
            out += [("user", user), ("assistant", answer)]
    if rng.random() < 0.65:
        out += [("user", rng.choice(CLOSINGS_USER)), ("assistant", rng.choice(CLOSINGS_ASSISTANT))]
    # Trim whole pairs from the end (never the closing one alone) until the count fits.
    while len(out) > max_messages:
        del out[-4:-2]
    return out


def stamp(rng, turns_, start, silence_before=None):
    """Strictly increasing timestamps: users read and type (25 s..4 min), assistants answer in 4..45 s."""
    t = start
    messages = []
    for i, (role, content) in enumerate(turns_):
        if role == "system":
            pass  # at the start
        elif role == "user":
            t += timedelta(seconds=rng.randint(5, 40) if i <= 1 else rng.randint(25, 240))
            if i == silence_before:
                t += timedelta(minutes=rng.randint(65, 95))
        else:
            t += timedelta(seconds=rng.randint(4, 45))
        messages.append({"role": role, "content": content, "timestamp": iso(t)})
    return messages


def session(number, user, model, messages, start, end, channel, locale, topic, expected):
    return {
        "sessionId": f"sample-{number:03d}",
        "userId": f"user-{user:02d}",
        "modelName": model,
        "messages": messages,
        "metadata": {
            "startTime": iso(start),
            "endTime": iso(end),
            "properties": {"channel": channel, "locale": locale, "topic": topic, "expected": expected},
        },
    }


def build():
    rng = random.Random(SEED)
    names = list(TOPICS)
    users = [(i % 12) + 1 for i in range(40)]
    rng.shuffle(users)
    topic_cycle = []
    while len(topic_cycle) < 40:
        block = names[:]
        rng.shuffle(block)
        topic_cycle += block
    out = []
    for n in range(1, 41):
        expected = INVALID_AT.get(n, "accepted")
        topic = FORCED_TOPIC.get(n, topic_cycle[n - 1])
        topics = [topic]
        if n in MIXED_AT:
            topics.append(rng.choice([t for t in names if t != topic]))
        day = 1 + (n * 7) % 18                                   # Nov 1..18, shuffled over the ids
        start = datetime(2026, 11, day, rng.randint(7, 20), rng.randint(0, 59), tzinfo=timezone.utc)
        channel = rng.choice(["web", "web", "mobile", "mobile", "slack", "teams"])
        locale = rng.choice(["en-US", "en-US", "en-US", "en-GB", "en-AU", "en-CA"])
        model = "support-bot" if n == SUPPORT_BOT_AT else "default"
        with_system = rng.random() < 0.75
        mixed = len(topics) > 1
        conv = turns(rng, topics, 40, with_system,
                     min_pairs=7 if mixed or expected == "too_short" else 5,
                     max_pairs=6 if n == SILENCE_AT else 10)

        if n == EMAIL_AT or n == PHONE_AT:
            first_user = next(i for i, (role, _) in enumerate(conv) if role == "user")
            conv[first_user] = ("user", conv[first_user][1] + (EMAIL_PII if n == EMAIL_AT else PHONE_PII))

        if expected == "too_few_messages":
            conv = [c for c in conv if c[0] != "system"][:4]
        elif expected == "too_many_messages":
            conv = [("system", TOPICS[topic]["system"])]
            for k in range(1, 502):  # 1 + 1002 messages
                conv += [("user", f"Next line please ({k})."), ("assistant", f"Line {k}: ok.")]
        elif expected == "too_short":
            conv = [c for c in conv if c[0] != "system"][:12]
        elif expected in ("invalid_role", "invalid_role,empty_content"):
            conv.insert(conv.index(next(c for c in conv if c[0] == "assistant")),
                        ("tool", '{"lookup": "account", "status": "ok", "plan": "business"}'))

        silence = None
        if n == SILENCE_AT:
            silence = len(conv) - 2 - 2 * rng.randint(1, 2)  # a user turn near the end
            assert conv[silence][0] == "user"
        pause_at = None
        if expected == "too_long":
            pause_at = len(conv) // 2 + (0 if conv[len(conv) // 2][0] == "user" else 1)

        if expected == "too_short":
            t, messages = start, []
            for role, content in conv:                     # 12 messages within 2 minutes
                t += timedelta(seconds=rng.randint(6, 9))
                messages.append({"role": role, "content": content, "timestamp": iso(t)})
            end = start + timedelta(minutes=2)
        elif expected == "too_many_messages":
            t, messages = start, []
            for role, content in conv:
                messages.append({"role": role, "content": content, "timestamp": iso(t)})
                t += timedelta(seconds=rng.randint(3, 6))
            end = parse(messages[-1]["timestamp"]) + timedelta(minutes=2)
        else:
            first_offset = timedelta(seconds=0 if conv[0][0] == "system" else rng.randint(0, 20))
            messages = stamp(rng, conv, start + first_offset, silence_before=silence)
            if expected == "too_long":                     # a day-long pause, then the end 30 hours in
                pause = timedelta(hours=27)
                for m in messages[pause_at:]:
                    m["timestamp"] = iso(parse(m["timestamp"]) + pause)
                end = start + timedelta(hours=30)
            else:
                end = parse(messages[-1]["timestamp"]) + timedelta(seconds=rng.randint(20, 600))
                if end - start < timedelta(minutes=6):
                    end = start + timedelta(minutes=6, seconds=rng.randint(0, 600))

        if expected in ("empty_content", "invalid_role,empty_content"):
            users_at = [i for i, m in enumerate(messages) if m["role"] == "user"]
            tool_at = next((i for i, m in enumerate(messages) if m["role"] == "tool"), -1)
            target = next(i for i in users_at[1:] if i > tool_at)
            messages[target]["content"] = "   "
        elif expected == "timestamps_out_of_order":
            i = len(messages) // 2
            if messages[i]["role"] != "assistant":
                i += 1
            # The assistant answer is stamped 90 seconds before the question it answers (a clock skew).
            messages[i]["timestamp"] = iso(parse(messages[i - 1]["timestamp"]) - timedelta(seconds=90))

        out.append(session(n, users[n - 1], model, messages, start, end, channel, locale,
                           "+".join(topics), expected))
    return out


# ---------------------------------------------------------------------------------------------- checking

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d ()-]{8,}\d")


def rule_codes(s):
    """The rejection codes the session requirements produce, in the processor's order."""
    m = s["messages"]
    codes = []
    if len(m) < 10:
        codes.append("too_few_messages")
    elif len(m) > 1000:
        codes.append("too_many_messages")
    per_message = []
    for i, x in enumerate(m):
        found = []
        if x["role"] not in ("system", "user", "assistant"):
            found.append("invalid_role")
        if not x["content"].strip():
            found.append("empty_content")
        if i > 0 and parse(x["timestamp"]) < parse(m[i - 1]["timestamp"]):
            found.append("timestamps_out_of_order")
        per_message += [c for c in found if c not in per_message]
    codes += per_message
    duration = parse(s["metadata"]["endTime"]) - parse(s["metadata"]["startTime"])
    if duration < timedelta(0):
        codes.append("end_before_start")
    elif duration < timedelta(minutes=5):
        codes.append("too_short")
    elif duration > timedelta(hours=24):
        codes.append("too_long")
    return ",".join(codes) or "accepted"


def sentences(text):
    return [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]


def words(text):
    return re.findall(r"[A-Za-z']+", text)


def check(sessions):
    problems = []

    def need(ok, what):
        if not ok:
            problems.append(what)

    need(len(sessions) == 40, f"{len(sessions)} sessions, expected 40")
    need([s["sessionId"] for s in sessions] == [f"sample-{n:03d}" for n in range(1, 41)], "session ids")
    need({s["userId"] for s in sessions} == {f"user-{n:02d}" for n in range(1, 13)}, "user ids")
    low, high = datetime(2026, 11, 1, tzinfo=timezone.utc), datetime(2026, 11, 20, tzinfo=timezone.utc)
    labels, pii, silences, support_bot, topics, seen, sizes = {}, [], [], [], set(), set(), []
    for s in sessions:
        sid, m, meta = s["sessionId"], s["messages"], s["metadata"]
        expected = meta["properties"]["expected"]
        actual = rule_codes(s)
        need(actual == expected, f"{sid}: labelled {expected}, the rules say {actual}")
        labels[expected] = labels.get(expected, 0) + 1
        stamps = [meta["startTime"], meta["endTime"]] + [x["timestamp"] for x in m]
        need(all(re.fullmatch(r"2026-11-\d\dT\d\d:\d\d:\d\dZ", t) and low <= parse(t) < high for t in stamps),
             f"{sid}: a timestamp outside 2026-11-01..2026-11-19")
        text = "\n".join(x["content"] for x in m)
        if EMAIL.search(text) or PHONE.search(text):
            pii.append((sid, expected))
        if s["modelName"] != "default":
            support_bot.append((sid, s["modelName"], expected))
        key = tuple(x["content"] for x in m)
        need(key not in seen, f"{sid}: textually identical to an earlier session")
        seen.add(key)
        if expected != "accepted":
            continue
        sizes.append(len(m))
        topics.update(meta["properties"]["topic"].split("+"))
        need(10 <= len(m) <= 40, f"{sid}: {len(m)} messages")
        roles = [x["role"] for x in m]
        body = roles[1:] if roles[0] == "system" else roles
        need(body == ["user", "assistant"] * (len(body) // 2) and len(body) % 2 == 0,
             f"{sid}: turns do not alternate user/assistant ending on the assistant")
        times = [parse(x["timestamp"]) for x in m]
        need(all(a < b for a, b in zip(times, times[1:])), f"{sid}: timestamps not strictly increasing")
        start, end = parse(meta["startTime"]), parse(meta["endTime"])
        need(start <= times[0] and times[-1] <= end, f"{sid}: messages outside startTime..endTime")
        need(timedelta(minutes=6) <= end - start <= timedelta(hours=3), f"{sid}: lasted {end - start}")
        if max(b - a for a, b in zip(times, times[1:])) > timedelta(hours=1):
            silences.append(sid)
        contents = [x["content"] for x in m]
        need(len(set(contents)) == len(contents), f"{sid}: a repeated turn")
        for x in m:
            if x["role"] == "user":
                need(len(words(x["content"])) >= 12, f"{sid}: short user turn {x['content']!r}")
            elif x["role"] == "assistant":
                n_sent = len(sentences(x["content"]))
                distinct = len({w.lower() for w in words(x["content"])})
                need(2 <= n_sent <= 4 and distinct >= 15,
                     f"{sid}: assistant turn with {n_sent} sentences, {distinct} distinct words")
    need(len(pii) == 2 and all(e == "accepted" for _, e in pii), f"PII sessions: {pii}")
    need(len(silences) == 1, f"sessions with a silence over an hour: {silences}")
    need([(m, e) for _, m, e in support_bot] == [("support-bot", "accepted")], f"non-default models: {support_bot}")
    need(len(topics) >= 8, f"only {len(topics)} topics")
    invalid_ids = [int(s["sessionId"][-3:]) for s in sessions if s["metadata"]["properties"]["expected"] != "accepted"]
    need(len(invalid_ids) == 8 and min(invalid_ids) < 20 and max(invalid_ids) < 40, "invalid sessions not mixed in")
    summary = {
        "sessions": len(sessions),
        "valid": labels.get("accepted", 0),
        "invalid": len(sessions) - labels.get("accepted", 0),
        "by_expected": dict(sorted(labels.items())),
        "valid_messages_min_max": [min(sizes), max(sizes)] if sizes else None,
        "topics": sorted(topics),
        "pii_sessions": [sid for sid, _ in pii],
        "long_silence": silences,
        "support_bot": [sid for sid, _, _ in support_bot],
        "file": f"{OUT.name}, {OUT.stat().st_size} bytes" if OUT.exists() else None,
    }
    return problems, summary


if __name__ == "__main__":
    if "--check" in sys.argv:
        sessions = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        sessions = build()
        with OUT.open("w", encoding="utf-8", newline="\n") as f:
            for s in sessions:
                f.write(json.dumps(s, ensure_ascii=False, separators=(",", ":")) + "\n")
    problems, summary = check(sessions)
    print(json.dumps(summary, indent=1))
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    sys.exit(1 if problems else 0)
