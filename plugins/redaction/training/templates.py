"""Sentence templates of synthetic therapy sessions (invented text, no real people).

Slots: {P} patient first name or nickname, {PF} full name, {PL} "Mr./Ms. Lastname",
{R}/{rel} a charted relative and the relation word, {C} the clinician, {X} a person no chart
lists, {D} a date, {DOB} the birth date, {HOL} a holiday phrase, {PH} a phone number, {CITY}
the patient's city, {XCITY} another place, {ADDR} the street address, {ORG} the employer or
school, {XORG} another organisation, {EMAIL}, {URL}, {IP}, {MRN}, {SSN}, {ZIP}, {AGE} an
age over 89. Plain sentences carry no identifier, several use name-like words as words.
"""
from __future__ import annotations

PHI_TEMPLATES = """\
{P} arrived on time for the session and appeared well groomed.
{PF} is a client seen for ongoing anxiety and low mood.
Client: My {rel} {R} keeps calling me about money.
{P} reported that {R}, her {rel}, has been supportive since {D}.
{P} stated that his {rel} {R} will visit on {D}.
Therapist: How did it go with {R} this week?
{P}: Honestly, {R} and I argued again on {D}.
Session held with {PF} at {ORG} on {D}.
{PL} reports sleeping five hours a night since {HOL}.
Clinician: {C}
Seen by {C} for individual psychotherapy.
{C} reviewed the safety plan with {P}.
{P} said {X} from work has been pressuring her to take extra shifts.
Client mentioned a friend named {X} who also struggles with panic attacks.
{P} and {X} went to the lake near {XCITY} last weekend.
{P} moved to {CITY} with {R} after the divorce.
She grew up in {XCITY} and moved here when she was twelve.
Client works as a cashier at {ORG} and finds the night shifts draining.
{P} was referred by {XORG} after a brief hospital stay.
{P} attends classes at {XORG} and is worried about finals.
Patient: {PF}
DOB: {DOB}
Date of birth {DOB}.
MRN: {MRN}
Medical record number {MRN}.
SSN {SSN}
Member ID {MRN}, policy holder {R}.
Phone: {PH}
Best number to reach {P} is {PH}.
Client asked that we call {PH} instead of the home line.
{P} can be reached by email at {EMAIL}.
Email: {EMAIL}
Address: {ADDR}
{P} lives at {ADDR} with {R}.
Mailing address on file is {ADDR}.
{P} shared a link to her blog, {URL}, and asked me to read it.
Telehealth session connected from IP {IP}.
Zip code {ZIP}.
{P} lives with her grandmother, who is {AGE} years old.
Her grandfather, aged {AGE}, moved into a care home in {XCITY}.
Next appointment: {D} with {C}.
Follow-up scheduled for {D}.
{P} missed the session on {D} because of a migraine.
On {D}, {P} had an argument with {R} that ended with {R} leaving.
Therapist: What happened after {HOL}?
{P}: Things fell apart the week after {HOL} when {R} moved out.
{R} ({rel}) called the clinic on {D} to ask about visiting hours.
Emergency contact: {R} ({rel}), {PH}
Guardian: {R}
{P} says {X} at {XORG} has been kind to her.
{P} has been applying for jobs at {XORG} and {XORG}.
{P} described a fight with {X} outside a bar in {XCITY}.
Plan: {P} will call {R} before the next session and report back to {C}.
{C} consulted with {X}, the school counselor at {XORG}.
Letter faxed to {XORG} at {PH} on {D}.
Collateral call with {R} on {D}; {R} confirmed the history.
{P} reports that {X} and {X} have been spreading rumours about her.
{P}'s {rel}, {R}, has a history of depression.
{PF}'s insurance is through {XORG}.
I met {P} at the {ORG} office in {CITY}.
{P} wants to visit {R} in {XCITY} over {HOL}.
{P} is planning to spend {HOL} with {R} and her kids.
{PL} presented as tearful when discussing {R}.
{P}: I told {R} that I'm not coming home for {HOL}.
Client's {rel} {R} drove her to the appointment.
{P} was born on {DOB} in {XCITY}.
{P} started working for {ORG} in {D}.
{P} is a student at {XORG} in {XCITY}.
Reviewed records from {X} at {XORG} dated {D}.
{C} spoke with {P}'s {rel} by phone ({PH}).
Dr. {X} prescribed sertraline in {D}.
{P} mentioned that Dr. {X} changed her medication last month.
{P}'s boss, {X}, yelled at her in front of customers.
{P} and her roommate {X} are looking for a new apartment in {XCITY}.
Call {R} at {PH} if {P} does not show.
{P} texted from {PH} at 2am asking for an earlier slot.
Records request sent to {XORG}, {ADDR}.
{P} lives near {XORG} in {XCITY}.
{P}'s son {X} is starting kindergarten at {XORG}.
Discussed {P}'s upcoming court date on {D} in {XCITY}.
{P} reported that {X} has not paid child support since {D}.
Therapist: Tell me about {R}.
{P}: {R} was always the favorite, you know?
{P} called {R} after the session, per the plan.
{P} recalled that on {HOL} her {rel} {R} did not show up.
{P} says her mom {X} lives in {XCITY} now.
{P} mentioned her case worker {X} from {XORG}.
Client provided account number {MRN} for billing.
License number {MRN} was verified.
Contact {C} at {EMAIL} with questions.
My name is {PF} and I live at {ADDR}.
Please send the letter to {X} at {XORG}, {ADDR}.
{X} from {XORG} called about the referral on {D}.
{PF} moved from {XCITY} to {CITY} in {D}.
She visited {XCITY} and {XCITY} with {R} last summer.
{X}, a {JOB} at {XORG}, is her new sponsor.
Her {rel}, {R}, works as a {JOB} in {XCITY}.
{P} is a {NRP} {JOB} who moved here from {XCITY}.
{X}: I don't know what to say anymore.
{P}: Can I talk to {X} about it first?
{X} and {X} were there when it happened.
Have you talked to {X} since then?
Why is {X} so angry all the time?
The name on the account is {PF}.
Her grandmother was called {X}.
{X} from {XORG} is coming to the meeting on {D}.
{PF}
Unlike {X}, she never raised her voice.
{X}'s husband works nights at {XORG}.
We talked about {X}'s new job in {XCITY}.
Mr. {XL} flew to {XCITY} on {D}.
She went to a {X} concert with {R} last month.
The {XL} family next door has been loud again.
{P} keeps a photo of {X} on her desk.
Referral source: {X}, {XORG}, {PH}.
he said {X} and {X} stopped talking to him after the party.
Ms. {XL} from the school called about {P}.
{P} spent the weekend with {X} at the lake house near {XCITY}.
"""

# Used only by split="test" (never by training): contexts the tagger has not seen.
HELDOUT_PHI_TEMPLATES = """\
Last night {P} texted {X} instead of calling the crisis line.
According to {R}, the fights started after {P} lost the job at {XORG}.
{P} wondered whether {X} would ever forgive her.
It was {X} who found her and drove her to {XORG}.
{P} plans to stay with her cousin {X} in {XCITY} for a while.
She describes {X}, her former coach, as controlling.
Spent Saturday helping {X} move into a place near {XCITY}.
{P} and {R} are seeing a couples counselor, {X}, at {XORG}.
Attended a support group at {XORG} led by {X}.
Her ex, {X}, has supervised visits on weekends.
{P} says {X} keeps posting about her online.
Called {XORG} with {P} to ask about the bill; spoke with {X}.
Before moving to {CITY}, {P} lived in {XCITY} with {X}.
{P} got a text from {X} on {D} and has not slept well since.
Dr. {XL} at {XORG} increased the dose on {D}.
When {X} visits, {P} feels anxious for days.
A letter from {X}, {JOB} at {XORG}, was added to the chart.
{P} talked about {X}, who died in {XCITY} when she was nine.
"""

PLAIN_TEMPLATES = """\
Client arrived on time and was cooperative throughout the session.
Mood described as low, affect congruent and tearful at times.
I hope things get better after the holidays.
She will try the breathing exercise twice a day.
He will keep a sleep diary until the next visit.
It may help to write down the thoughts when they show up.
You may feel tired for a few days after changing the dose.
Will you be able to practice this at home?
May I ask what happened next?
The bill from the hospital has been stressing her out.
She says she got through the week by the grace of God.
He has lost hope that anything will change.
There is still hope, and she named three reasons for it.
Client described the evening with a frank tone.
She felt a rush of joy when her test results came back.
Her faith community has been a source of support.
He will not drink before driving, and he agreed to the plan.
We reviewed the PHQ-9 score of 14 and the GAD-7 score of 11.
PHQ-9 item 9 was endorsed as zero; no current suicidal ideation.
Client denies homicidal ideation, intent or plan.
Risk screen: not assessed this session.
Interventions: cognitive restructuring, behavioural activation and psychoeducation.
Client response: engaged, able to identify two automatic thoughts.
Progress toward goal 2 is moderate.
Plan: continue weekly CBT and review the safety plan next session.
She reports sleeping about five hours a night and waking at 3 am.
He rated his anxiety as 7 out of 10 before the exercise and 4 after.
Discussed the pros and cons of returning to work part time.
Client practiced grounding skills in session with good effect.
She said the summer was hard because the kids were home.
He noticed the early dawn light helps him get out of bed.
The rose garden at the park is a place she feels calm.
She wants to mark her progress on a calendar.
The client will bring the worksheet to the next session.
Therapist: What would you like to focus on today?
Client: I just feel stuck, like nothing I do matters.
Therapist: That sounds exhausting. What helps, even a little?
Client: Walking the dog, I guess. And music.
Homework: thought record three times this week.
She identified catastrophizing and mind reading as common patterns.
He has been attending AA meetings twice a week.
No changes to medication were reported.
Client denies side effects from the current medication.
Appetite is reduced; she skips breakfast most days.
She will ask her doctor about the dose at her next appointment.
Session length 53 minutes, start 10:02, stop 10:55.
Client is motivated and open to feedback.
We will revisit the treatment plan goals next month.
He wishes his father would listen more.
Her mother and sister were not available for the family session.
He says his brother is the only one he trusts.
She worries her daughter will be bullied at school.
Client reported two panic attacks this week, each lasting about ten minutes.
She hopes to return to college in the spring.
The group session was cancelled because of the storm.
He used the coping card when he felt the urge to drink.
Will power alone has not been enough, he said.
She may be eligible for disability benefits.
Client expressed gratitude for the support of the team.
He is considering a change of job to reduce stress.
Affect brighter than last week; she laughed twice.
Thought process linear and goal directed.
Insight fair, judgment fair.
Discussed sleep hygiene: same wake time, no screens after 10 pm.
She talked about the grief of losing her job and her routine.
Client agreed to contact the crisis line if symptoms worsen.
He described feeling numb since the accident.
She will try to get outside for twenty minutes each day.
No identifying details were shared this session.
Client requested a letter for work, which will be discussed next time.
Therapist validated feelings and explored alternatives.
He reported an urge to isolate over the weekend.
Grace period for the late fee ended, which worried her.
She said she would sue the landlord if the heat stays off.
He takes art classes on weekends and finds them calming.
The ivy on the porch reminds him of his childhood home.
She keeps a jar of pennies for the kids' summer trip.
She works as a {JOB} and is worried about layoffs.
Her father was a {JOB} before he retired.
He is {NRP} and speaks two languages at home.
Client identifies as {NRP}; faith matters to her family.
Occupation: {JOB}
Employment: part-time {JOB}, on leave since the accident.
Religion: {NRP}
The {JOB} at the shelter helped her fill in the forms.
Hello, thanks for seeing me on short notice.
Maybe the new schedule will help, maybe not.
Honestly, I don't know why I keep doing that.
Yes, the medication is helping with sleep.
Why does this keep happening to me?
Just checking in about the homework from last week.
Anyway, work has been really stressful lately.
Thanks for the reminder about the forms.
Personal history: no prior hospitalizations.
Billing: self-pay, sliding scale discussed.
Website and portal instructions were given.
Answer to the question about sleep: about six hours.
Okay, so the panic started in the grocery store.
Sorry I'm late, traffic on the Highway was awful.
Wow, that was a hard week.
Well, she says the Orchestra rehearsals help her relax.
Chief Complaint: Low Mood And Poor Sleep
Mental Status Exam: Alert, Oriented, Cooperative
Treatment Plan Review: Goals One And Two
"""

ORG_WORDS = (
    "Brightwater", "Riverside", "Oakwood", "Summit", "Pinecrest", "Lakeview", "Cedar Hill", "Northgate",
    "Silver Creek", "Harborview", "Maple Grove", "Redstone", "Bluebird", "Evergreen", "Stonebridge",
    "Willow Bend", "Granite Peak", "Sunrise", "Meadowbrook", "Ironwood", "Crescent", "Fairhaven",
)
ORG_SUFFIXES = (
    "Logistics", "Health", "Medical Center", "Clinic", "Foods", "Bank", "Credit Union", "High School",
    "Elementary", "University", "Community College", "Church", "Hospital", "Pharmacy", "Insurance",
    "Realty", "Motors", "Construction", "Consulting", "Solutions", "Partners", "Diner", "Cafe",
    "Market", "Fitness", "Academy", "Services", "Industries", "Behavioral Health", "Family Services",
    "Middle School", "Auto Repair", "Dental", "Law Group", "Staffing", "Warehouse", "Hotel",
)
NRP = (
    "Catholic", "Jewish", "Muslim", "Baptist", "Buddhist", "Hindu", "Mexican", "Irish", "Korean",
    "Vietnamese", "Haitian", "Polish", "Nigerian", "Brazilian", "Italian", "Swedish", "Filipino",
    "Somali", "Puerto Rican", "Ukrainian", "Cuban", "Guatemalan", "Methodist", "Lutheran",
)
WORD_NAMES = (
    "Hope", "Grace", "May", "Will", "Bill", "Faith", "Joy", "June", "Rose", "Mark", "Frank",
    "Dawn", "Summer", "Hunter", "Chase", "Drew", "Pat", "Sue", "Iris", "Ruby", "Ivy", "Jack",
    "Art", "Autumn", "Penny", "Crystal", "Amber", "Holly", "Sky", "Miles", "Gene", "Ray",
)

RELATIONS = (
    "mother", "father", "mom", "dad", "sister", "brother", "husband", "wife", "partner",
    "boyfriend", "girlfriend", "son", "daughter", "aunt", "uncle", "grandmother", "cousin",
    "stepfather", "fiancé", "ex-husband",
)

HOLIDAYS = (
    "Thanksgiving", "Christmas", "Christmas Eve", "Easter", "New Year's Eve", "Halloween",
    "the Fourth of July", "Memorial Day", "Labor Day", "Valentine's Day", "Mother's Day",
    "Hanukkah", "Passover",
)
HOLIDAY_PREFIXES = ("", "", "the Tuesday after ", "the weekend before ", "the day after ",
                    "the week of ", "the Friday before ")

# Training only: general, non-clinical prose (letters, news, forms, business and travel), so
# the tagger sees places, employers and institutions outside session notes. Extra slots:
# {IADDR} an address in one of the generator's locales (any line layout), {STREET} a street
# name without a number, {STATE}, {COUNTRY}, {PC} a postcode of any locale, {CO} a company
# with a legal or trade suffix, {INST} an institution (university, agency, library, court).
GENERAL_PHI_TEMPLATES = """\
{X} works at {CO} as a {JOB}.
After graduating from {INST}, {X} joined {CO} in {XCITY}.
{X} moved to {XCITY}, {STATE} in {D} to be closer to family.
The package was returned to sender: {IADDR}.
Ship to: {X}, {IADDR}
Our new office is at {IADDR}; parking is behind the building.
They met at a cafe on {STREET} near the old train station.
The parade goes down {STREET} and ends at the river.
She lived on {STREET} in {XCITY} for most of her twenties.
Please forward my mail to {IADDR} until further notice.
{CO} announced on {D} that it will open a second plant in {XCITY}.
Shares of {CO} fell after the merger with {CO} was cancelled.
{CO} is headquartered in {XCITY}, {COUNTRY}.
The grant was awarded by {INST} to a team led by {X}.
I am writing to apply for the {JOB} position at {CO}.
{X} was hired by {INST} after ten years at {CO}.
Return the signed form to {INST}, {IADDR}.
Postcode: {PC}
Post code {PC}, {XCITY}.
Her postal code changed to {PC} when the town was redrawn.
The survey covered households in {XCITY} ({PC}) and nearby villages.
{X} flew from {XCITY} to {COUNTRY} on {D}.
We drove through {STATE} and stopped overnight in {XCITY}.
{X}, who was born in {COUNTRY}, now teaches at {INST}.
The conference will be held at {INST} in {XCITY}, {COUNTRY}.
Delivery address: {IADDR}
Billing address: {X}, {IADDR}
Invoice from {CO}, {IADDR}, for consulting services.
{X} founded {CO} with two friends in a garage in {XCITY}.
Thanks to everyone at {CO} and {INST} for their support.
The lawsuit against {CO} was filed in {XCITY} on {D}.
{X} spent three years volunteering with {INST} in {COUNTRY}.
Contact {X} at {CO} on {PH} or {EMAIL}.
Our team at {CO} is growing; reach out to {X} for details.
The road from {XCITY} to {XCITY} was closed after the flood.
He grew up on a farm outside {XCITY} and later moved to {COUNTRY}.
The museum on {STREET} reopened after the renovation.
A new branch of {CO} opened on {STREET} last spring.
{X} is a {NRP} {JOB} living in {XCITY}.
The letter was postmarked {XCITY} {PC}.
Send applications to {INST}, attention {X}.
{CO} and {CO} signed the agreement in {XCITY}.
{INST} has cancelled all classes because of the storm.
I'm {X}, from {XCITY}, and I'm new here.
Name: {X}
Employer: {CO}
Company: {CO}, {XCITY}
City: {XCITY}
Country: {COUNTRY}
Street: {STREET}
Address: {IADDR}
Where: {STREET}, {XCITY}
Location: {XCITY}, {COUNTRY}
Organization: {INST}
Sincerely, {X}, {JOB}, {CO}
The {XL} family moved from {COUNTRY} to {XCITY} in {D}.
{X} from {CO} will give the keynote at the summit.
Our supplier, {CO}, raised prices again.
The bus stops at the corner of {STREET} and {STREET}.
{X} was elected mayor of {XCITY} on {D}.
She studied law at {INST} before moving to {XCITY}.
The {CO} warehouse near {XCITY} employs about two hundred people.
Last year {X} left {CO} to start a bakery in {XCITY}.
Wire the deposit to {CO} before {D}.
"""

GENERAL_PLAIN_TEMPLATES = """\
The quarterly report shows revenue grew eight percent.
Customer Service hours are Monday to Friday, nine to five.
Please review the attached invoice and let us know if anything is missing.
Terms and Conditions apply to all orders over fifty dollars.
The Board approved the budget after a long discussion.
Breaking News: heavy rain expected across the region tonight.
Frequently Asked Questions
Shipping and Returns
Our Mission is to make good software accessible to everyone.
The album mixes folk, jazz and electronic music.
Critics praised the film for its sharp writing and warm humour.
Marketing, Sales and Support will move to the third floor.
The recipe calls for flour, butter, eggs and a pinch of salt.
Annual Leave requests must be submitted two weeks in advance.
Key Skills: negotiation, forecasting, team leadership.
Professional Experience
Summary of Qualifications
The museum is closed on public holidays.
The hikers saw deer, foxes, hawks and a family of otters.
Sign up for our newsletter to get the latest updates.
The committee will vote on the proposal next week.
Net profit fell as shipping costs rose.
The Orchestra performs classical and modern works every season.
Click Here to reset your password.
Welcome Back! We missed you.
Thank you for your order; it will ship within two business days.
Prices include tax but not delivery.
The song became a hit in the summer and stayed on the charts for months.
Employees must complete the safety training by the end of the quarter.
The Chairman thanked the staff for a record year.
Unions and employers agreed to resume talks.
Our products are tested for quality and durability.
The East Wing is closed for repairs.
Section Three covers payments, refunds and late fees.
"""

# Training only, with the general sentences above: the kinds of context where a tagger
# trained on session notes misses or over-tags in other prose. Extra slots: {GX} a full
# name from the general locales (initials, titles), {FIRST} a lone first name, {LAST} a lone
# surname, {SADDR} a street line in any national order ("Egeri út 19."), {CORNER} an
# intersection, {GCITY} a city (sometimes upper case), {SPK} a chat speaker label, and the
# non-PHI {NAT} (nationality or language), {TITLE} (a work's title in ordinary words),
# {YEAR}. Lines may hold "\n" (a line break: dialogue turns, letter heads).
MORE_GENERAL_PHI_TEMPLATES = r"""
I work for {CO}.
I work at {CO} in {GCITY}.
I used to work at {CO} before the move.
He has been at {CO} since {YEAR}.
She left her job at {CO} in {YEAR}.
My sister got an offer from {CO}.
I have a meeting with {CO} tomorrow.
Is {CO} still hiring?
{GX} from {CO} will chair the panel.
{GX} of {CO} will lead the morning session.
The panel includes {GX} ({CO}) and {GX} ({CO}).
Our speaker today is {GX}, head of research at {CO}.
{CO}, a consultancy headquartered in {GCITY}, is hiring.
{CO} makes furniture in a factory outside {GCITY}.
{CO} has offices in {GCITY} and {GCITY}.
{CO} was started in {YEAR} by {GX}.
{CO} acquired {CO} for an undisclosed sum.
{CO} reported record profits for {YEAR}.
More details are on the {CO} homepage.
Visit the {CO} store on {SADDR}.
{CO} has moved to {IADDR}.
You can write to {CO} at {IADDR}.
The {CO} headquarters is on {SADDR}.
The {CO} marketing team meets every Monday.
{CO}'s new app crashed twice this morning.
We signed a contract with {CO} last week.
Workers at {CO} and {CO} voted to strike.
Shares in {CO} rose after the report.
She left {CO} and joined {CO} as head of sales.
Sponsored by {CO} and {CO}.
Major employers in the region include {CO}, {CO} and {CO}.
I was hired by {CO} as a {JOB}.
He spent ten years as a {JOB} with {CO}.
Our client {CO} needs a new logo.
Please invoice {CO}, not me personally.
{CO} has named {GX} as its new chief executive.
{GX}, who founded {CO}, talked about remote work.
The {CO} pension plan changed this year.
{GX}\n{JOB}\n{CO}\n{IADDR}
{GX}\n{CO}\n{IADDR}
{CO}\n{IADDR}
{GX}\n{IADDR}
Dear {GX},\nThank you for your letter.
Best regards,\n{GX}\n{CO}
Kind regards, {FIRST}
Cheers,\n{FIRST}
From: {GX}\nTo: {GX}
Sender: {GX}, {IADDR}
Recipient: {GX}, {IADDR}
Name: {GX}\nAddress: {IADDR}
Company name: {CO}
Employer: {CO}, {GCITY}
Vendor: {CO}
Account holder: {GX}
Beneficiary: {GX}, {CO}
Organizer: {CO}
Venue: {INST}, {GCITY}
My address is {IADDR}.
I have moved; my new address is {IADDR}.
Please send it to {IADDR}.
Could you change my delivery address to {IADDR}?
Can you deliver to {IADDR} instead?
Ship the order to {GX} at {IADDR}.
The shop is on {SADDR}.
The bakery is just past {SADDR}.
Our flat is at {SADDR}, third floor.
They live at {SADDR} in {GCITY}.
Meet me at {SADDR} at noon.
The office moved from {SADDR} to {SADDR}.
The crash happened at the junction of {CORNER}.
The cafe is at the corner of {CORNER}.
Postal code: {PC}
Zip/Postal code: {PC}
{GCITY} {PC}
{SADDR}, {PC} {GCITY}
{SADDR}\n{PC} {GCITY}\n{COUNTRY}
I'm from {COUNTRY}.
She comes from {GCITY}.
We are based in {COUNTRY}.
I grew up in {COUNTRY} but live in {GCITY} now.
We spent two weeks in {COUNTRY} last summer.
{COUNTRY} beat {COUNTRY} in the final.
Flights to {COUNTRY} are cancelled.
{COUNTRY} and {COUNTRY} signed a trade deal.
He was born in {GCITY}, {COUNTRY}.
They flew from {GCITY} to {GCITY}.
The train to {GCITY} leaves at six.
Greetings from {GCITY}!
The band toured {COUNTRY}, {COUNTRY} and {COUNTRY}.
The novel is set in {GCITY}.
Rents in {GCITY} have doubled.
She has relatives in {COUNTRY}.
{FIRST}: Where were you last night?\n{FIRST}: At home, I swear.
{FIRST}: Did you see the game?\n{FIRST}: No, I was working.
{FIRST}: I can't find my keys.
{FIRST}: Are you coming, {FIRST}?
"I'm tired," said {FIRST}.
"Let's go," {FIRST} told {FIRST}.
"Who's there?" asked {FIRST}.
{FIRST}, can you help me with this?
{FIRST}, could you call me back?
Thanks, {FIRST}!
Hi {FIRST}, how was the trip?
Good morning, {FIRST}.
Sorry {FIRST}, I missed your call.
{FIRST} is the best cook I know.
{FIRST} has always been kind to me.
{FIRST} and {FIRST} were best friends at school.
{FIRST} lives next door.
I gave {FIRST} my number.
Ask {FIRST} about the tickets.
I ran into {FIRST} at the supermarket.
{FIRST} keeps borrowing my car.
My neighbour {FIRST} fixed the fence.
We had dinner with {FIRST} and {FIRST}.
My name is {GX}, but my friends call me {FIRST}.
Last name: {LAST}
Surname: {LAST}
First name: {FIRST}
Given name: {FIRST}
{LAST} told reporters the deal was close.
According to {LAST}, the numbers are wrong.
{LAST} wrote the book in {YEAR}.
The {LAST} report was published in {YEAR}.
{LAST} began painting as a child.
{LAST} scored twice in the second half.
Mr. {LAST} is on leave.
Ms. {LAST} will call you back.
Dr. {LAST} is out of the office.
Professor {LAST} teaches at {INST}.
The song was written by {GX}.
The film was directed by {GX} and stars {GX}.
The book, by {GX}, came out in {YEAR}.
The album features {GX} on guitar.
Critic {GX} called it a masterpiece.
Photo by {GX}.
Written by {GX}, edited by {GX}.
Interview with {GX}, {JOB} at {CO}.
The card is issued to {GX}.
Please put the account in the name of {GX}.
{SPK}: Can I have your full name?\n{SPK}: {GX}
{SPK}: What is the delivery address?\n{SPK}: {IADDR}
{SPK}: And the street?\n{SPK}: {SADDR}
{SPK}: Who referred you?\n{SPK}: {FIRST}
{SPK}: Where do you work?\n{SPK}: {CO}
{SPK}: Which city are you in?\n{SPK}: {GCITY}, {COUNTRY}
{SPK}: Hello, how can I help?\n{SPK}: Hi, this is {GX} from {CO}.
{SPK}: My name is {FIRST}.
{GX} was born in {GCITY} in {YEAR}.
{GX} moved to {COUNTRY} to study at {INST}.
{GX} studied law at {INST}.
{GX} and {GX} got married in {GCITY}.
The {LAST} family lives on {SADDR}.
Call {GX} on {PH}.
Contact {FIRST} at {EMAIL}.
{GX} <{EMAIL}>
{GX}, {JOB}, {CO}, {PH}
"""

MORE_GENERAL_PLAIN_TEMPLATES = """\
She speaks {NAT} at home and {NAT} at work.
The menu is in {NAT} and {NAT}.
The {NAT} team won the final.
We had dinner at a {NAT} restaurant.
He is learning {NAT} on his phone.
The {NAT} parliament passed the law.
We watched a {NAT} documentary last night.
She is {NAT} by birth.
The museum has a large collection of {NAT} paintings.
{NAT} cooking uses a lot of garlic.
English is not my first language.
Chapter IX describes the war years.
Part II of the series is better than Part I.
Section IV covers refunds.
After World War II the city was rebuilt.
The drug is in a Phase III trial.
Type II errors are more costly here.
Article XII was amended in {YEAR}.
Bot: How can I help you today?
User: I want to change my password.
Bot: Sure, I can help with that.
Agent: Is there anything else?
Customer: No, thanks.
Assistant: Your order has shipped.
User: Thanks!
Support: Please restart the router.
Operator: Please hold.
Q: How long does delivery take?
A: About three days.
The song "{TITLE}" was a hit in {YEAR}.
Her new album, {TITLE}, is out now.
They opened the show with "{TITLE}".
The film {TITLE} won two awards.
I just finished reading {TITLE}.
The poem "{TITLE}" is about the sea.
Next on the playlist: {TITLE}.
The episode "{TITLE}" aired in {YEAR}.
{TITLE}: A Guide For Beginners
Enter your PIN to continue.
The CEO and the CFO will attend.
Several CEOs spoke at the event.
Will you be there on time?
The Board of Directors met on Tuesday.
Human Resources will contact you.
The Sales Department is on the second floor.
Our Customer Service team is available around the clock.
Terms of Service
Privacy Policy
Contact Us
About Us
Meet The Team
Annual Report
Table of Contents
Summer Sale: Up To Half Off
New Arrivals
Free Shipping On All Orders
The store sells coffee, tea, cocoa and spices.
The company makes chairs, tables and shelves.
Mondays are always busy at the office.
The meeting was moved to Thursday afternoon.
The report is due at the end of the month.
The Winter Olympics opened last night.
The Supreme Court will hear the case.
The Prime Minister spoke to Parliament.
The Fire Brigade arrived within minutes.
The City Council approved the budget.
Friendly and reliable barista with five years of experience.
Experienced project manager looking for a new challenge.
Motivated graduate seeking an entry-level role in finance.
Detail-oriented accountant with strong spreadsheet skills.
Passionate teacher who loves working with children.
Hardworking and punctual; available to start immediately.
Creative designer with an eye for colour and layout.
"Don't worry about it," she said.
"Can't you see I'm busy?" he asked.
"Won't you stay for dinner?"
"Isn't that the point?" she replied.
"Never again," he muttered.
Filed under: Travel & Leisure, Home & Garden, Food & Drink
Topics: Science & Technology, Arts & Culture, Health & Fitness
Departments: Kitchen & Dining, Bed & Bath, Toys & Games
Skills: Leadership, Negotiation, Public Speaking
Unfortunately, the event is sold out.
Surprisingly, nobody complained about the noise.
Fortunately, the rain stopped before the parade.
Overall, the trip was a success.
Interestingly, sales were higher in the winter.
"""

NATIONALITIES = (
    "English", "French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Russian", "Polish", "Czech",
    "Slovak", "Hungarian", "Greek", "Turkish", "Swedish", "Norwegian", "Danish", "Finnish", "Icelandic",
    "Chinese", "Japanese", "Korean", "Thai", "Vietnamese", "Indian", "Arabic", "Persian", "Hebrew", "Irish",
    "Scottish", "Welsh", "American", "Canadian", "Mexican", "Brazilian", "Argentinian", "Australian",
    "Belgian", "Swiss", "Austrian", "Croatian", "Serbian", "Slovenian", "Romanian", "Bulgarian", "Ukrainian",
    "Estonian", "Latvian", "Lithuanian", "Moroccan", "Egyptian", "Nigerian", "Kenyan", "Ethiopian",
    "Filipino", "Indonesian", "Malaysian", "Pakistani", "Cuban", "Peruvian", "Chilean", "Maltese",
)
SPEAKERS = ("Bot", "User", "Agent", "Customer", "Assistant", "Support", "Caller", "Operator", "Client",
            "Rep", "Guest", "Host", "Me", "System", "Moderator", "Interviewer")
TITLE_WORDS = (
    "Blue", "Moon", "River", "Night", "Morning", "Light", "Dark", "Summer", "Winter", "Rain", "Fire", "Ice",
    "Heart", "Stone", "Gold", "Silver", "Road", "Long", "Way", "Lost", "Found", "Wild", "Sweet", "Bitter",
    "Dream", "Dreams", "Song", "Empty", "Rooms", "Open", "Doors", "Last", "First", "Dance", "Stars",
    "Falling", "Rising", "Broken", "Glass", "Quiet", "Storm", "Electric", "Garden", "Paper", "Hearts", "Ghost",
    "Letters", "Waiting", "For", "The", "Of", "In", "A", "And", "To", "Under", "Over", "Without", "Me", "You",
    "Forever", "Tomorrow", "Yesterday", "Again", "Alone", "Together", "Salt", "Water", "Echoes", "Little",
)

# Training only, drawn with the general sentences: session-style sentences that put a person
# in many more positions (subject, object, possessive, after a comma), so mixing general
# prose into training does not cost recall on the names in therapy notes. Written for this
# list; none of them is, or paraphrases, a held-out template.
PERSON_VARIETY_TEMPLATES = """\
{P} brought up {X} twice during the session.
{X} picked {P} up after work on Friday.
{P} has not heard from {X} in months.
{P} blames {X} for the breakup.
{P} thinks {X} is drinking again.
{X} offered {P} a place to stay.
Only {X} knows about the diagnosis.
{P} and {X} share custody of the dog.
{P} is afraid {X} will find out.
{X} lent {P} money for rent.
{P} misses {X} more than she expected.
{P} hopes {X} will come to the graduation.
{X}'s birthday is coming up and {P} feels guilty.
{P} wants to apologise to {X}.
{P} said {X} sounded different on the phone.
A neighbour, {X}, called the police.
{P} feels closest to {X}.
{P} asked {X} to stop calling.
{P} spent the afternoon with {X} and {X}.
{P} said that {X} never listens.
{P} finds it hard to say no to {X}.
{P} and {R} met with {X} to plan the move.
{R} and {X} are not speaking.
{P} worries that {R} will side with {X}.
{P} had coffee with {X}, an old friend from school.
{P} mentioned a coworker, {X}, who covers her shifts.
{X} invited {P} to the wedding.
{P} stopped replying to {X}'s messages.
{P} hasn't told {X} about the new job.
{P} stays with {X} on weekends.
Without {X}, she says, she would not have made it.
{P} feels {X} is pulling away.
{P} keeps comparing herself to {X}.
{P} played a voicemail from {X} in session.
Mr. {XL}, the landlord, raised the rent again.
{P} calls her grandmother {X} every Sunday.
{R} says {P} has been sleeping at {X}'s place.
{X} and {R} drove {P} to the airport.
{P} admitted she lied to {X} about the money.
{P} is trying to rebuild trust with {X}.
"""

# Training only, with the general plain sentences: clinical shorthand where a capitalised
# word is followed by a number ("Sertraline 50 mg", "Apgar 8") or an eponym names a
# condition. Street-then-number addresses look alike ("Ringstraße 50"); these keep the
# tagger from taking doses and scores for streets. Slots {DRUG} (any case), {NUM}.
CLINICAL_PLAIN_TEMPLATES = """\
{DRUG} {NUM} mg daily.
{DRUG} {NUM} mg at bedtime, no side effects reported.
Increase {DRUG} to {NUM} mg next week.
{DRUG} {NUM} mg twice a day with food.
Started {DRUG} {NUM} mg on Monday; review in four weeks.
She stopped {DRUG} because of nausea.
Switch from {DRUG} to {DRUG}?
{DRUG} and {DRUG} together raise the risk of serotonin syndrome.
PHQ-9 {NUM}, GAD-7 {NUM}.
Apgar {NUM} at one minute.
GCS {NUM} on arrival.
Pain {NUM}/10 this morning.
BMI {NUM}, weight stable.
HbA1c {NUM} percent last month.
eGFR {NUM}; adjust the dose.
QTc {NUM} ms on the last ECG.
TSH {NUM}, recheck in six weeks.
Lithium level {NUM} last Tuesday.
BP {NUM}/{NUM}, pulse {NUM}.
Stage {NUM} kidney disease, stable.
Grade {NUM} fatigue reported.
Score {NUM} on the screening tool.
Room {NUM} is free after lunch.
Parkinson's disease runs in the family.
Crohn's disease flared up again in March.
Alzheimer's dementia, moderate stage.
Tourette syndrome diagnosed in childhood.
Hodgkin lymphoma in remission.
Down syndrome support group meets weekly.
Asperger's traits were discussed.
Raynaud's symptoms worse in the cold.
Huntington's disease testing was offered.
{DRUG} {NUM} mg po bid.
{DRUG} {NUM} mcg/kg per day.
{DRUG} {NUM} mg qhs, tolerating well.
Dose: {NUM} mg per day, max {NUM} mg.
Titrate {DRUG} by {NUM} mg every {NUM} days.
Na {NUM}, K {NUM}, Cr {NUM}.
WBC {NUM}, Hgb {NUM}, plt {NUM}.
LDL {NUM} mg/dL, statin started.
Insulin ratio 1:{NUM} with meals.
Drinks {NUM} beers most nights.
Smokes {NUM} cigarettes a day.
Walks {NUM} minutes on weekdays.
Beck Depression Inventory score {NUM}.
Hamilton scale {NUM} at intake.
Edinburgh Postnatal Depression Scale {NUM}.
Montreal Cognitive Assessment {NUM}/30.
Yale-Brown score {NUM}, moderate.
Epworth Sleepiness Scale {NUM}.
AUDIT-C {NUM}; CAGE {NUM} of 4.
Wells score {NUM}, low probability.
Class {NUM} obesity, BMI {NUM}.
Type {NUM} diabetes on {DRUG}.
Pediatric dosing of {DRUG} is weight based.
Geriatric patients need lower doses of {DRUG}.
Postpartum mood symptoms improved on {DRUG}.
"""
DRUGS = (
    "sertraline", "fluoxetine", "citalopram", "escitalopram", "paroxetine", "venlafaxine", "duloxetine",
    "bupropion", "mirtazapine", "trazodone", "quetiapine", "aripiprazole", "olanzapine", "risperidone",
    "clozapine", "lithium", "lamotrigine", "valproate", "gabapentin", "pregabalin", "hydroxyzine",
    "buspirone", "lorazepam", "clonazepam", "diazepam", "zolpidem", "melatonin", "prazosin", "propranolol",
    "methylphenidate", "atomoxetine", "naltrexone", "buprenorphine", "metformin", "levothyroxine",
    "lisinopril", "amlodipine", "atorvastatin", "ibuprofen", "acetaminophen", "prednisone", "omeprazole",
)
