import type { BuiltInScriptKey, ScriptText } from './library';

/** Built-in scripts in English: our own words; placeholders are filled from the customer card when used. */
export const SCRIPTS_EN: Record<BuiltInScriptKey, ScriptText> = {
  first_contact_call: {
    title: 'New lead: first call',
    body: "Hello {salutation}, this is {consultant} from {store}. I saw your enquiry about the {model} and wanted to call you straight away. What matters most to you in this car, and when are you hoping to drive it? I can send you the current trims and prices, and you're welcome to come by and try one.",
  },
  first_contact_sms: {
    title: 'New lead: first SMS (call not answered)',
    body: 'Hello {salutation}, this is {consultant} at {store}. I just tried to call you about the {model}; I have the details ready for you. Reply or call me back whenever suits you: {consultant_phone}.',
  },
  grade_h_call: {
    title: 'Grade H follow-up (buying within 7 days)',
    body: 'Hello {salutation}, {consultant} from {store} here. You mentioned you would like to decide this week, so I checked stock and colours for the {model}. Which day suits you to come in? I will have the paperwork, finance options and registration list ready so your visit is quick.',
  },
  grade_a_call: {
    title: 'Grade A follow-up (buying within 15 days)',
    body: 'Hello {salutation}, it is {consultant}. Last time you were still comparing a few cars, so I put together a short comparison of the {model} on the points you care about. We also have test-drive slots this weekend; shall I hold one for you?',
  },
  grade_b_call: {
    title: 'Grade B follow-up (buying within 30 days)',
    body: 'Hello {salutation}, {consultant} from {store}; I will keep it short. You said you might buy this month: has anything changed, or is there anything holding you back? Anything you would like to know about the {model}, I can send it over.',
  },
  grade_c_call: {
    title: 'Grade C follow-up (buying within 3 months)',
    body: "Hello {salutation}, it's {consultant}. Just checking in. {brand} has a few new trims and offers; I made a short summary and can send it to you. No rush at all, take your time.",
  },
  invite_test_drive: {
    title: 'Test-drive invitation',
    body: 'Hello {salutation}, {consultant} from {store}. Specs only tell you so much about how a car drives. I can book you a half-hour drive in the {model} on roads like the ones you use every day. Which day and time would work?',
  },
  invite_store_event: {
    title: 'Store event invitation',
    body: 'Hello {salutation}, {store} is holding a {brand} event this weekend: cars to see and drive, and our technicians sharing practical tips. I would love you to come; shall I save you a seat? {consultant} {consultant_phone}',
  },
  delivery_eve_call: {
    title: 'Day before delivery: confirm',
    body: 'Hello {salutation}, {consultant} here. Your car is ready for tomorrow. Are we still on for the time we agreed? Please bring your ID and payment receipt. I will walk you through every feature when you pick it up.',
  },
  delivery_2h_sms: {
    title: '2 hours after delivery: thank-you SMS',
    body: 'Congratulations on your new {model}, {salutation}! Thank you for choosing {store} and for trusting me. Any question at all, just call: {consultant} {consultant_phone}. Safe driving!',
  },
  delivery_2h_call: {
    title: '2 hours after delivery: check-in call',
    body: 'Hello {salutation}, it is {consultant}. Did you get home all right? How did the car feel on the way? We covered a lot of features today; if anything slipped your mind, call me and I will go through it again.',
  },
  delivery_2d_sms: {
    title: 'Day 2 after delivery: running-in tips',
    body: 'Hello {salutation}, {consultant} from {store}. For the first weeks, avoid long stretches at high revs, hard acceleration and hard braking, and keep an eye on tyre pressure and dashboard messages. Questions: {consultant_phone}.',
  },
  delivery_7d_call: {
    title: 'Day 7 after delivery: how is the car',
    body: 'Hello {salutation}, {consultant} here. You have had the car a week now; how is it going? Anything you are not used to yet, any noises or warning lights? Are navigation, Bluetooth and phone connection all set up? I am happy to book a time to help.',
  },
  delivery_1m_call: {
    title: '1 month after delivery',
    body: 'Hello {salutation}, {consultant} from {store}. One month with the car: is everything fine? A reminder that you can book the first service with me in advance so you will not have to wait. Anything you need, just call.',
  },
  delivery_3m_call: {
    title: '3 months after delivery',
    body: 'Hello {salutation}, it is {consultant}. Three months with your {model}: how is it treating you? The first service is coming up soon; I can book you a slot with no waiting.',
  },
  delivery_6m_call: {
    title: '6 months after delivery',
    body: 'Hello {salutation}, {consultant} from {store}. It has been half a year since you picked up your car, and I would like to hear how it is doing. We have an owner care offer at the moment; if it needs a check or a service, I will arrange it.',
  },
  first_service_call: {
    title: 'First service reminder (call)',
    body: 'Hello {salutation}, {consultant} from {store}. Going by time and mileage, your {model} is nearly due for its first service. Doing it on time keeps the car in good shape. Shall I book a bay for you? Mornings or afternoons?',
  },
  first_service_sms: {
    title: 'First service reminder (SMS)',
    body: 'Hello {salutation}, your {model} is nearly due for its first service. Book ahead and we start as soon as you arrive. Reply here or call {consultant} on {consultant_phone}. {store}',
  },
  insurance_renewal_call: {
    title: 'Insurance renewal reminder',
    body: 'Hello {salutation}, {consultant} from {store}. Your car insurance runs out on {insurance_expiry}, so I am calling early to make sure there is no gap in cover. I can prepare this year’s quote next to last year’s so you can compare before deciding.',
  },
  insurance_objection_price: {
    title: 'Renewal objection: too expensive',
    body: 'Comparing prices makes sense, {salutation}. Where insurance really counts is after an accident: renewing with us means one team handles the assessment, repair and claim, with genuine parts, and we keep you posted on the repair. Let me list every item of the quote so you can adjust what you do not need.',
  },
  insurance_objection_friend: {
    title: 'Renewal objection: a friend sells insurance',
    body: 'I understand wanting to support a friend, {salutation}. What matters most with car insurance is who does the running around after a claim: with us, reporting, assessment, repair and payout are handled in one place, so you do not have to coordinate it yourself, and your friend is not put on the spot. Feel free to compare both.',
  },
  insurance_objection_why_dealer: {
    title: 'Renewal objection: why renew at the dealership',
    body: 'The main benefit is peace of mind, {salutation}: after an accident the car comes straight to us, repaired with genuine parts by factory-trained technicians; we prepare and chase the claim paperwork for you; and we remind you before each renewal. I will get you the best price I can, without cutting the service.',
  },
  trade_in_ask: {
    title: 'Trade-in interest',
    body: 'Hello {salutation}, {consultant} from {store}. You have had your car a while now; have you thought about changing it? We can value your current car for free, at your place or ours, and handle the trade-in and the new car in one go. Even just to know what it is worth.',
  },
  referral_ask: {
    title: 'Referral ask',
    body: 'Thank you for your trust, {salutation}. If any friends or family are looking for a car, I would be glad to help them the same way I helped you. Just pass on my number: {consultant_phone}.',
  },
  birthday_sms: {
    title: 'Birthday greeting',
    body: 'Happy birthday, {salutation}! Wishing you a safe, happy year ahead. {consultant}, {store}',
  },
  holiday_sms: {
    title: 'Holiday greeting',
    body: 'Happy {holiday}, {salutation}! If you are driving far, take breaks and drive safely; we offer a free check before long trips. Best wishes to you and your family. {consultant}, {store}',
  },
  reactivate_lost_call: {
    title: 'Reactivating a lost lead',
    body: 'Hello {salutation}, {consultant} from {store}. I was sorry I could not help you last time. {brand} has some new options now; where are you with your plans? If you are still looking, or a friend is, I would be happy to help again.',
  },
  dormant_owner_call: {
    title: 'Inviting a long-absent owner back',
    body: 'Hello {salutation}, {consultant} from {store}. We have not seen you for a while and I wanted to ask how the car is doing. We have a check-up and care offer for existing owners; drop by any time and I will set it up for you.',
  },
  objection_car_price: {
    title: 'Sales objection: cheaper elsewhere',
    body: 'Good that you have done your homework, {salutation}. Could you tell me which trim they quoted and what it includes? Let us compare line by line: car price, registration, insurance, accessories and servicing together are what you really pay. Wherever I can move, I will.',
  },
  objection_think_it_over: {
    title: "Sales objection: I'll think it over",
    body: 'Of course, {salutation}, a car is a big decision. May I ask what you are still weighing up: the price, the trim, or what your family thinks? Tell me and I will have the answers ready for next time.',
  },
};
