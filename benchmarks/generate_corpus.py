"""Write a synthetic corpus of counter-terrorism news articles, for measuring what a build costs.

The articles imitate the seed articles: datelines of many news agencies, officials with titles
and appositions, ministries and investigation agencies, terrorist groups under several
spellings, attacks, meetings and dialogues between states with their delegation leaders and
topics, joint statements with calls to act, a third state's reaction, memoranda between
agencies, UN Security Council resolutions, extraditions, arrests and designations, and page
chrome. Every person is invented: a name joins a given name and a surname of one region, so
the people are plausible but synthetic. The corpus is for timing and memory use of
`kg build`; no gold standard is written and the facts are not meant to be true.

    python -m benchmarks.generate_corpus --out benchmarks/out/10k --count 10000 --seed 0

The output depends only on --seed and --count (and the Python minor version): every choice is
drawn from one random.Random(seed), never from hash(), the clock or the environment, and the
first N articles of a larger corpus are the articles of a corpus of N.
"""
from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

FIRST_YEAR, LAST_YEAR = 2005, 2026          # years of the articles
MIN_WORDS, MAX_WORDS, MEDIAN_WORDS = 150, 1500, 420

# -- States ----------------------------------------------------------------------------------
# name, forms in running text (the first is the usual one), form in "India-US", adjective,
# capital, other cities, name region, head of government, weight (how often it is a party)
_STATE_ROWS = (
    ("India", ("India",), "India", "Indian", "New Delhi",
     ("Mumbai", "Srinagar", "Pathankot", "Pune", "Jammu", "Hyderabad", "Pahalgam", "Uri"), "in", "Prime Minister", 14),
    ("United States", ("the US", "the United States", "the U.S.", "America"), "US", "US", "Washington, DC",
     ("New York", "San Francisco", "Boston", "Chicago", "Houston"), "anglo", "President", 14),
    ("Pakistan", ("Pakistan",), "Pakistan", "Pakistani", "Islamabad",
     ("Karachi", "Lahore", "Peshawar", "Quetta", "Rawalpindi", "Muridke"), "pk", "Prime Minister", 8),
    ("China", ("China",), "China", "Chinese", "Beijing",
     ("Shanghai", "Urumqi", "Kashgar", "Guangzhou"), "zh", "President", 6),
    ("United Kingdom", ("the UK", "Britain", "the United Kingdom", "the U.K."), "UK", "British", "London",
     ("Manchester", "Birmingham", "Glasgow", "Leeds"), "anglo", "Prime Minister", 6),
    ("France", ("France",), "France", "French", "Paris",
     ("Marseille", "Nice", "Lyon", "Strasbourg"), "fr", "President", 5),
    ("Germany", ("Germany",), "Germany", "German", "Berlin",
     ("Munich", "Hamburg", "Frankfurt"), "de", "Chancellor", 4),
    ("Japan", ("Japan",), "Japan", "Japanese", "Tokyo",
     ("Osaka", "Yokohama", "Nagoya"), "ja", "Prime Minister", 5),
    ("Russia", ("Russia",), "Russia", "Russian", "Moscow",
     ("Saint Petersburg", "Beslan", "Volgograd", "Krasnogorsk"), "ru", "President", 4),
    ("Australia", ("Australia",), "Australia", "Australian", "Canberra",
     ("Sydney", "Melbourne", "Perth"), "anglo", "Prime Minister", 4),
    ("Canada", ("Canada",), "Canada", "Canadian", "Ottawa",
     ("Toronto", "Vancouver", "Surrey", "Montreal"), "anglo", "Prime Minister", 4),
    ("Afghanistan", ("Afghanistan",), "Afghanistan", "Afghan", "Kabul",
     ("Kandahar", "Jalalabad", "Herat", "Kunduz"), "af", "President", 4),
    ("Bangladesh", ("Bangladesh",), "Bangladesh", "Bangladeshi", "Dhaka",
     ("Chittagong", "Sylhet", "Khulna"), "bd", "Prime Minister", 3),
    ("Sri Lanka", ("Sri Lanka",), "Sri Lanka", "Sri Lankan", "Colombo",
     ("Kandy", "Batticaloa", "Negombo"), "lk", "President", 3),
    ("Nepal", ("Nepal",), "Nepal", "Nepali", "Kathmandu",
     ("Pokhara", "Biratnagar"), "in", "Prime Minister", 2),
    ("Maldives", ("the Maldives", "Maldives"), "Maldives", "Maldivian", "Male",
     ("Addu City",), "ar", "President", 1),
    ("Saudi Arabia", ("Saudi Arabia",), "Saudi", "Saudi", "Riyadh",
     ("Jeddah", "Dammam", "Mecca"), "ar", "Crown Prince", 3),
    ("United Arab Emirates", ("the UAE", "the United Arab Emirates"), "UAE", "Emirati", "Abu Dhabi",
     ("Dubai", "Sharjah"), "ar", "President", 3),
    ("Qatar", ("Qatar",), "Qatar", "Qatari", "Doha",
     ("Al Wakrah",), "ar", "Emir", 2),
    ("Egypt", ("Egypt",), "Egypt", "Egyptian", "Cairo",
     ("Alexandria", "Sharm el-Sheikh", "El-Arish"), "ar", "President", 3),
    ("Iraq", ("Iraq",), "Iraq", "Iraqi", "Baghdad",
     ("Mosul", "Basra", "Erbil", "Kirkuk"), "ar", "Prime Minister", 3),
    ("Syria", ("Syria",), "Syria", "Syrian", "Damascus",
     ("Aleppo", "Raqqa", "Idlib", "Homs"), "ar", "President", 2),
    ("Jordan", ("Jordan",), "Jordan", "Jordanian", "Amman",
     ("Irbid", "Zarqa"), "ar", "Prime Minister", 2),
    ("Lebanon", ("Lebanon",), "Lebanon", "Lebanese", "Beirut",
     ("Tripoli", "Sidon"), "ar", "Prime Minister", 1),
    ("Yemen", ("Yemen",), "Yemen", "Yemeni", "Sanaa",
     ("Aden", "Marib"), "ar", "President", 1),
    ("Oman", ("Oman",), "Oman", "Omani", "Muscat",
     ("Salalah",), "ar", "Sultan", 1),
    ("Kuwait", ("Kuwait",), "Kuwait", "Kuwaiti", "Kuwait City",
     ("Al Jahra",), "ar", "Emir", 1),
    ("Iran", ("Iran",), "Iran", "Iranian", "Tehran",
     ("Mashhad", "Kerman", "Zahedan", "Shiraz"), "fa", "President", 3),
    ("Turkey", ("Turkey", "Turkiye"), "Turkey", "Turkish", "Ankara",
     ("Istanbul", "Izmir", "Gaziantep"), "tr", "President", 3),
    ("Israel", ("Israel",), "Israel", "Israeli", "Jerusalem",
     ("Tel Aviv", "Haifa", "Eilat"), "he", "Prime Minister", 3),
    ("Indonesia", ("Indonesia",), "Indonesia", "Indonesian", "Jakarta",
     ("Surabaya", "Denpasar", "Makassar", "Poso"), "id", "President", 3),
    ("Malaysia", ("Malaysia",), "Malaysia", "Malaysian", "Kuala Lumpur",
     ("Penang", "Johor Bahru", "Kota Kinabalu"), "id", "Prime Minister", 2),
    ("Philippines", ("the Philippines",), "Philippines", "Philippine", "Manila",
     ("Marawi", "Davao", "Zamboanga", "Jolo"), "ph", "President", 2),
    ("Singapore", ("Singapore",), "Singapore", "Singaporean", "Singapore",
     ("Jurong",), "zh", "Prime Minister", 2),
    ("Thailand", ("Thailand",), "Thailand", "Thai", "Bangkok",
     ("Pattani", "Yala", "Chiang Mai", "Narathiwat"), "th", "Prime Minister", 2),
    ("Vietnam", ("Vietnam", "Viet Nam"), "Vietnam", "Vietnamese", "Hanoi",
     ("Ho Chi Minh City", "Da Nang"), "vi", "Prime Minister", 2),
    ("South Korea", ("South Korea", "the Republic of Korea"), "South Korea", "South Korean", "Seoul",
     ("Busan", "Incheon"), "ko", "President", 3),
    ("Kazakhstan", ("Kazakhstan",), "Kazakhstan", "Kazakh", "Astana",
     ("Almaty", "Shymkent", "Aktobe"), "ca", "President", 2),
    ("Uzbekistan", ("Uzbekistan",), "Uzbekistan", "Uzbek", "Tashkent",
     ("Samarkand", "Bukhara", "Andijan"), "ca", "President", 2),
    ("Tajikistan", ("Tajikistan",), "Tajikistan", "Tajik", "Dushanbe",
     ("Khujand", "Kulob"), "ca", "President", 1),
    ("Kyrgyzstan", ("Kyrgyzstan",), "Kyrgyzstan", "Kyrgyz", "Bishkek",
     ("Osh", "Jalal-Abad"), "ca", "President", 1),
    ("Nigeria", ("Nigeria",), "Nigeria", "Nigerian", "Abuja",
     ("Lagos", "Maiduguri", "Kano", "Chibok"), "wa", "President", 3),
    ("Kenya", ("Kenya",), "Kenya", "Kenyan", "Nairobi",
     ("Mombasa", "Garissa", "Lamu", "Mandera"), "ea", "President", 3),
    ("Somalia", ("Somalia",), "Somalia", "Somali", "Mogadishu",
     ("Kismayo", "Baidoa", "Beledweyne"), "so", "President", 2),
    ("Ethiopia", ("Ethiopia",), "Ethiopia", "Ethiopian", "Addis Ababa",
     ("Dire Dawa", "Gondar"), "ea", "Prime Minister", 2),
    ("Tanzania", ("Tanzania",), "Tanzania", "Tanzanian", "Dodoma",
     ("Dar es Salaam", "Zanzibar", "Arusha"), "ea", "President", 1),
    ("South Africa", ("South Africa",), "South Africa", "South African", "Pretoria",
     ("Johannesburg", "Cape Town", "Durban"), "za", "President", 2),
    ("Mozambique", ("Mozambique",), "Mozambique", "Mozambican", "Maputo",
     ("Pemba", "Palma", "Mocimboa da Praia"), "pt", "President", 1),
    ("Mali", ("Mali",), "Mali", "Malian", "Bamako",
     ("Timbuktu", "Gao", "Mopti"), "wa", "President", 2),
    ("Niger", ("Niger",), "Niger", "Nigerien", "Niamey",
     ("Agadez", "Diffa", "Tillaberi"), "wa", "President", 1),
    ("Burkina Faso", ("Burkina Faso",), "Burkina Faso", "Burkinabe", "Ouagadougou",
     ("Djibo", "Bobo-Dioulasso"), "wa", "President", 1),
    ("Morocco", ("Morocco",), "Morocco", "Moroccan", "Rabat",
     ("Casablanca", "Marrakesh", "Tangier"), "ar", "Prime Minister", 2),
    ("Algeria", ("Algeria",), "Algeria", "Algerian", "Algiers",
     ("Oran", "Constantine", "In Amenas"), "ar", "President", 2),
    ("Tunisia", ("Tunisia",), "Tunisia", "Tunisian", "Tunis",
     ("Sousse", "Sfax", "Ben Guerdane"), "ar", "President", 1),
    ("Spain", ("Spain",), "Spain", "Spanish", "Madrid",
     ("Barcelona", "Seville", "Valencia"), "es", "Prime Minister", 2),
    ("Italy", ("Italy",), "Italy", "Italian", "Rome",
     ("Milan", "Naples", "Turin"), "it", "Prime Minister", 2),
    ("Netherlands", ("the Netherlands",), "Netherlands", "Dutch", "Amsterdam",
     ("Rotterdam", "The Hague", "Utrecht"), "nl", "Prime Minister", 2),
    ("Belgium", ("Belgium",), "Belgium", "Belgian", "Brussels",
     ("Antwerp", "Liege", "Molenbeek"), "nl", "Prime Minister", 2),
    ("Sweden", ("Sweden",), "Sweden", "Swedish", "Stockholm",
     ("Gothenburg", "Malmo"), "nordic", "Prime Minister", 1),
    ("Norway", ("Norway",), "Norway", "Norwegian", "Oslo",
     ("Bergen", "Trondheim"), "nordic", "Prime Minister", 1),
    ("Poland", ("Poland",), "Poland", "Polish", "Warsaw",
     ("Krakow", "Gdansk"), "ru", "Prime Minister", 1),
    ("Ukraine", ("Ukraine",), "Ukraine", "Ukrainian", "Kyiv",
     ("Kharkiv", "Odesa", "Lviv"), "ru", "President", 2),
    ("Brazil", ("Brazil",), "Brazil", "Brazilian", "Brasilia",
     ("Sao Paulo", "Rio de Janeiro", "Foz do Iguacu"), "pt", "President", 2),
    ("Mexico", ("Mexico",), "Mexico", "Mexican", "Mexico City",
     ("Guadalajara", "Tijuana", "Culiacan"), "es", "President", 3),
    ("Colombia", ("Colombia",), "Colombia", "Colombian", "Bogota",
     ("Medellin", "Cali", "Cucuta"), "es", "President", 2),
    ("Argentina", ("Argentina",), "Argentina", "Argentine", "Buenos Aires",
     ("Cordoba", "Rosario"), "es", "President", 1),
    ("New Zealand", ("New Zealand",), "New Zealand", "New Zealand", "Wellington",
     ("Auckland", "Christchurch"), "anglo", "Prime Minister", 1),
)

# -- Names: male given names, female given names, surnames; "surname first" regions ----------
_NAMES = {
    "in": ("Ajit Rakesh Sanjay Vikram Arvind Suresh Anil Rajeev Manoj Pradeep Harish Naveen Deepak Gaurav "
           "Mahesh Sunil Vinod Alok Ashok Ramesh Gurpreet Harjit Jaswant Kuldeep",
           "Priya Anjali Sunita Kavita Meera Neha Pooja Rekha Shalini Vandana Harpreet",
           "Sharma Verma Mehta Iyer Nair Reddy Rao Kulkarni Deshpande Chatterjee Banerjee Mukherjee Saxena "
           "Trivedi Joshi Pillai Menon Bhatt Chauhan Rathore Sandhu Gill Dhillon Kapoor Malhotra Agarwal "
           "Srivastava Pandey Tiwari Venkataraman Panun Grewal Sidhu Bajaj"),
    "pk": ("Imran Tariq Asif Khalid Shahid Faisal Naveed Kamran Zahid Irfan Javed Saqib Usman Bilal Fawad "
           "Asad Rizwan Zaki-ur Fazl-ur Inam-ul Hafeez Mohammad",
           "Ayesha Sana Hina Saima Nadia Rabia Mehreen Fauzia",
           "Khan Qureshi Chaudhry Butt Malik Abbasi Siddiqui Rehman Hussain Baloch Afridi Yousafzai Niazi "
           "Gondal Cheema Bajwa Jatoi Soomro Lakhani Mirza Lashari Kiyani Lakhvi Rana"),
    "af": ("Ahmad Abdul Gul Hamid Nasir Rahmatullah Zabihullah Sirajuddin Hekmat Mirwais Wahid Najib",
           "Farida Malalai Zarghuna Roya",
           "Ahmadzai Popalzai Stanikzai Noorzai Wardak Karimi Mohmand Safi Zadran Omari Shinwari Kakar"),
    "bd": ("Mahbub Shafiqul Kamrul Rashedul Anisur Tofazzal Nazrul Mizanur Habibur Jahangir Mostafa",
           "Nasrin Shirin Farzana Rokeya Tahmina",
           "Rahman Hossain Chowdhury Islam Uddin Alam Haque Karim Sarkar Talukder Bhuiyan Mollah Majumder"),
    "lk": ("Chaminda Ruwan Nalin Lasantha Dinesh Kapila Tharindu Sampath Upul Gamini",
           "Nirmala Dilrukshi Sanduni Ishara",
           "Perera Fernando Jayasuriya Wickramasinghe Gunawardena Dissanayake Bandara Herath Senanayake "
           "Ranasinghe Weerasinghe Abeysekara"),
    "anglo": ("James Michael Robert David Daniel Thomas Matthew Andrew Christopher Brian Kevin Jonathan "
              "Mark Richard Stephen Patrick Gregory Nathan Scott Peter Douglas Raymond",
              "Jennifer Elizabeth Sarah Rebecca Laura Karen Emily Margaret Susan Catherine Rachel Julia Kristin",
              "Whitfield Harrington Caldwell Brennan Foster Lawson Sutherland Prescott Holloway Mercer Donovan "
              "Fairbanks Gallagher Kendrick Lockhart Pemberton Rowland Stratton Thornton Wakefield Ellison "
              "Maddox Carver Hastings Bradshaw Whitaker Ashworth Calloway Dunmore Hollis"),
    "fr": ("Jean Pierre Laurent Olivier Nicolas Philippe Thierry Julien Antoine Mathieu",
           "Isabelle Claire Camille Sophie Nathalie Amelie",
           "Lefebvre Moreau Girard Rousseau Fontaine Chevalier Marchand Dubois Lambert Bonnet Mercier "
           "Gauthier Perrin Renaud Faure"),
    "de": ("Klaus Stefan Matthias Jurgen Andreas Markus Tobias Wolfgang Dieter Florian",
           "Katrin Susanne Annika Ulrike Birgit Sabine",
           "Hoffmann Schreiber Weber Becker Kessler Brandt Vogel Zimmermann Hartmann Krause Lorenz Neumann "
           "Schulte Winkler Albrecht"),
    "ja": ("Hiroshi Takeshi Kenji Satoshi Masato Yuichi Kazuo Daisuke Tetsuya Shinji",
           "Yoko Keiko Naoko Akiko Yumi Mariko",
           "Tanaka Watanabe Yamamoto Nakamura Kobayashi Saito Matsumoto Inoue Kimura Hayashi Shimizu Mori "
           "Ishikawa Fujita Okada"),
    "zh": ("Wei Jian Hao Lei Qiang Tao Jun Ming Zhiqiang Guohua Jianguo Xiaodong",
           "Xiaoyan Hui Ying Lan Mei Yun",
           "Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Liang"),
    "ko": ("Min-ho Jae-won Sung-min Dong-hyun Young-soo Ji-hoon Seung-woo Hyun-jun",
           "Ji-yeon Soo-jin Eun-ji Hye-won",
           "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin"),
    "vi": ("Van Hung;Minh Tuan;Duc Anh;Quoc Bao;Thanh Long;Van Nam", "Thi Lan;Thu Ha;Ngoc Anh;Thi Mai",
           "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do"),
    "th": ("Somchai Anan Chaiwat Surachai Thanakorn Kittisak Wichai Narong",
           "Siriporn Kanokwan Malee Pensri",
           "Srisuk Chaiyaporn Wongsawat Rattanakul Boonmee Kaewkla Phongsri Thongchai Sukhum Charoenkul"),
    "id": ("Budi Agus Hendra Bambang Joko Dedi Rizal Fajar Ahmad Hafiz Azman Rosli",
           "Siti Dewi Ratna Nurul Wulan Aisyah",
           "Santoso Wijaya Hidayat Saputra Kusuma Pratama Setiawan Nugroho Rahmat Abdullah Ismail Hamzah "
           "Yusof Ibrahim"),
    "ph": ("Jose Ramon Eduardo Ernesto Manuel Rolando Antonio Renato",
           "Maria Teresita Liza Rosario",
           "Santos Reyes Cruz Bautista Ocampo Villanueva Mendoza Dimaculangan Macaraeg Soriano Tolentino"),
    "ar": ("Ahmed Mohammed Khaled Omar Youssef Hassan Ibrahim Tarek Walid Samir Faisal Nabil Karim Adel "
           "Majid Sultan Abdullah Hamad",
           "Fatima Leila Mariam Noura Huda Rania Salma Amal",
           "Al-Mansouri Al-Harbi Al-Qahtani Al-Shamsi Haddad Nasser Al-Khatib Saleh Al-Rashid Mansour "
           "Al-Otaibi Khalil Al-Zahrani Darwish Al-Amin Hamdan Farouk Aziz Al-Tamimi El-Sayed "
           "Abdel-Rahman Bouzid Benali Hamdi"),
    "fa": ("Ali Reza Hossein Mehdi Majid Saeed Hamid Mohsen Abbas Javad",
           "Zahra Maryam Shirin Parisa Niloufar",
           "Hosseini Ahmadi Rezaei Mousavi Karimi Jafari Rahimi Sadeghi Moradi Kazemi Tehrani Farahani"),
    "tr": ("Mehmet Mustafa Ahmet Emre Burak Kemal Hakan Murat Serkan Osman",
           "Ayse Elif Zeynep Selin Gulsen",
           "Yilmaz Kaya Demir Sahin Celik Yildiz Aydin Ozturk Arslan Dogan Kilic Aksoy Erdem Korkmaz"),
    "ca": ("Nurlan Yerlan Bakhtiyor Rustam Timur Dilshod Farrukh Askar Sherzod Bakyt",
           "Aigerim Dilnoza Gulnara Madina",
           "Nurmagambetov Abdullaev Karimov Tursunov Rakhimov Sultanov Ismoilov Bekov Zhakupov Kasymov "
           "Usmonov Mirzaev"),
    "ru": ("Sergei Alexei Dmitry Nikolai Andrei Igor Vladimir Oleg Mikhail Pavel Yuri Viktor",
           "Olga Natalia Irina Svetlana Elena Tatiana",
           "Volkov Sokolov Morozov Petrov Lebedev Kozlov Novikov Orlov Zaitsev Pavlov Semenov Fedorov "
           "Kovalenko Shevchenko Bondarenko Kowalski Nowak Wisniewski"),
    "he": ("Avi Yossi Eitan Moshe Ronen Amir Uri Gideon",
           "Tamar Noa Michal Yael",
           "Cohen Levi Mizrahi Peretz Biton Friedman Shapira Katz Ben-David Azoulay Golan Dahan"),
    "wa": ("Chukwuemeka Oluwaseun Babatunde Ibrahim Musa Abubakar Kwame Kofi Moussa Amadou Boubacar Issoufou",
           "Ngozi Aisha Funmilayo Fatoumata Aminata Adaeze",
           "Okafor Adeyemi Okonkwo Balogun Bello Danjuma Traore Diallo Coulibaly Keita Ouedraogo Sawadogo "
           "Maiga Toure Mahamadou"),
    "ea": ("Kipchoge Otieno Mwangi Kamau Ochieng Abebe Tesfaye Girma Dawit Joseph Juma",
           "Wanjiku Akinyi Amina Tigist Mekdes",
           "Kariuki Odhiambo Njoroge Mutua Kiprono Wekesa Omondi Tadesse Bekele Haile Gebremedhin Wolde"),
    "so": ("Abdirahman Abdullahi Mohamed Ahmed Hassan Yusuf Abdiqani Farah Omar",
           "Hodan Fadumo Asha Sahra",
           "Warsame Farah Hussein Abdi Osman Jama Egal Nur Mohamud Aden Dirie Gedi"),
    "za": ("Thabo Sipho Mandla Johan Pieter Bongani Lungile Themba",
           "Nomvula Thandiwe Lindiwe Annelie",
           "Nkosi Dlamini Mokoena Ndlovu Botha Khumalo Mahlangu Pretorius Zulu Mthembu Naidoo"),
    "es": ("Carlos Javier Alejandro Miguel Fernando Luis Andres Diego Raul Sergio Pablo Ricardo",
           "Lucia Carmen Isabel Gabriela Valeria Paula",
           "Garcia Martinez Rodriguez Fernandez Lopez Gonzalez Sanchez Ramirez Torres Navarro Morales "
           "Castillo Herrera Vargas Delgado Ortega Guerrero Mendez"),
    "pt": ("Joao Paulo Marcos Rafael Thiago Bruno Rui Nuno Tiago Afonso",
           "Ana Mariana Beatriz Fernanda Juliana",
           "Silva Santos Oliveira Souza Pereira Costa Almeida Carvalho Ribeiro Ferreira Rocha Barbosa "
           "Machava Tembe"),
    "it": ("Giuseppe Marco Luca Alessandro Francesco Stefano Matteo Roberto Paolo Massimo",
           "Giulia Francesca Chiara Elena Valentina",
           "Rossi Bianchi Romano Colombo Ricci Marino Greco Gallo Conti Mancini Lombardi Moretti Barbieri"),
    "nl": ("Jan Pieter Willem Joost Bram Maarten Luc Geert Koen Dirk",
           "Anke Marieke Els Sanne Lotte",
           "Jansen Bakker Visser Smit Mulder Peeters Janssens Maes Claes Vermeulen Willems Dekker"),
    "nordic": ("Lars Erik Anders Magnus Henrik Nils Johan Olav Sven Bjorn",
               "Ingrid Astrid Sigrid Karin Maja Liv",
               "Andersson Johansson Lindqvist Berg Nilsson Hansen Johansen Larsen Solberg Dahl Lund Eriksson "
               "Haugen Strand"),
}
_SURNAME_FIRST = ("zh", "ko", "vi")
_PATRONYMIC = ("ar", "so", "af", "pk")            # "Ahmed Khalil Al-Harbi": given, father's name, family name
_DOUBLE_SURNAME = ("es", "pt")                     # "Carlos Garcia Lopez"
_MIDDLE_INITIAL_ODDS = {"anglo": 0.35, "in": 0.08, "za": 0.1, "nl": 0.1}

# -- Agencies: kinds, generic names, and states that name theirs ------------------------------
_AGENCY_GENERIC = {
    "interior": ("Ministry of Interior", "Ministry of Home Affairs", "Ministry of Internal Affairs",
                 "Ministry of the Interior", "Ministry of Public Security"),
    "foreign": ("Ministry of Foreign Affairs", "Foreign Ministry"),
    "ct": ("National Counter-Terrorism Centre", "Counter-Terrorism Department", "Anti-Terrorism Unit",
           "National Counter Terrorism Authority", "State Security Service", "Counter-Terrorism Directorate"),
    "police": ("National Police", "Federal Police", "National Gendarmerie", "Police Service",
               "Criminal Investigation Department"),
    "fiu": ("Financial Intelligence Unit", "Financial Monitoring Service", "Anti-Money Laundering Council"),
    "narcotics": ("Anti-Narcotics Force", "Drug Enforcement Agency", "Narcotics Control Board",
                  "Drug Control Agency"),
    "academy": ("National Police Academy", "Police Staff College", "Law Enforcement Training Institute",
                "Police Academy", "Institute of Criminal Justice Training"),
    "nsc": ("National Security Council Secretariat", "National Security Council",
            "Office of the National Security Adviser"),
    "intel": ("Intelligence Bureau", "General Intelligence Directorate", "National Intelligence Agency",
              "State Intelligence Service"),
    "customs": ("Customs Service", "Customs Administration", "Revenue and Customs Authority"),
    "border": ("Border Guard Service", "Border Security Force", "Border Police"),
    "cyber": ("Cyber Crime Centre", "National Cyber Security Agency", "Computer Emergency Response Team"),
}
_AGENCY_NAMED = {
    "India": {"interior": "Ministry of Home Affairs (MHA)", "foreign": "Ministry of External Affairs (MEA)",
              "ct": "National Investigation Agency (NIA)", "intel": "Intelligence Bureau (IB)",
              "academy": "Sardar Vallabhbhai Patel National Police Academy",
              "narcotics": "Narcotics Control Bureau (NCB)", "nsc": "National Security Council Secretariat",
              "fiu": "Financial Intelligence Unit-India (FIU-IND)", "border": "Border Security Force (BSF)",
              "police": "Central Reserve Police Force (CRPF)",
              "cyber": "Indian Cyber Crime Coordination Centre (I4C)",
              "customs": "Central Board of Indirect Taxes and Customs (CBIC)"},
    "United States": {"interior": "Department of Homeland Security (DHS)", "foreign": "State Department",
                      "ct": "Federal Bureau of Investigation (FBI)",
                      "academy": "Federal Law Enforcement Training Centers (FLETC)",
                      "narcotics": "Drug Enforcement Administration (DEA)",
                      "intel": "National Counterterrorism Center (NCTC)",
                      "fiu": "Financial Crimes Enforcement Network (FinCEN)",
                      "customs": "Customs and Border Protection (CBP)", "nsc": "National Security Council",
                      "police": "Department of Justice",
                      "cyber": "Cybersecurity and Infrastructure Security Agency (CISA)",
                      "border": "Immigration and Customs Enforcement (ICE)"},
    "Pakistan": {"interior": "Ministry of Interior", "foreign": "Foreign Office",
                 "ct": "Federal Investigation Agency (FIA)", "police": "Counter Terrorism Department (CTD)",
                 "nsc": "National Counter Terrorism Authority (NACTA)",
                 "narcotics": "Anti-Narcotics Force (ANF)", "intel": "Inter-Services Intelligence (ISI)",
                 "fiu": "Financial Monitoring Unit (FMU)"},
    "United Kingdom": {"interior": "Home Office", "foreign": "Foreign, Commonwealth and Development Office",
                       "ct": "Counter Terrorism Policing", "police": "Metropolitan Police",
                       "narcotics": "National Crime Agency (NCA)", "intel": "Security Service (MI5)",
                       "customs": "HM Revenue and Customs (HMRC)", "academy": "College of Policing"},
    "China": {"interior": "Ministry of Public Security", "foreign": "Ministry of Foreign Affairs",
              "ct": "National Counter-Terrorism Leading Group", "intel": "Ministry of State Security"},
    "Russia": {"interior": "Ministry of Internal Affairs", "intel": "Federal Security Service (FSB)",
               "ct": "National Anti-Terrorism Committee (NAC)"},
    "Japan": {"interior": "National Police Agency (NPA)", "intel": "Public Security Intelligence Agency"},
    "Australia": {"interior": "Department of Home Affairs", "police": "Australian Federal Police (AFP)"},
    "Bangladesh": {"ct": "Counter Terrorism and Transnational Crime unit (CTTC)",
                   "police": "Rapid Action Battalion (RAB)"},
}
_AGENCY_THE_LESS = ("Counter Terrorism Policing", "Home Office")

# post key, agency kind, title, title needs the agency named
_POSTS = (
    ("home_secretary", "interior", "Home Secretary", False),
    ("interior_minister", "interior", "Interior Minister", False),
    ("deputy_interior", "interior", "Deputy Minister of Interior", False),
    ("foreign_minister", "foreign", "Foreign Minister", False),
    ("deputy_fm", "foreign", "Deputy Foreign Minister", False),
    ("ct_envoy", "foreign", "Special Envoy for Counter-Terrorism", False),
    ("ct_director", "foreign", "Director General for Counter-Terrorism", True),
    ("spokesperson", "foreign", "foreign ministry spokesperson", False),
    ("ct_chief", "ct", "Director General", True),
    ("police_chief", "police", "Inspector General", True),
    ("fiu_head", "fiu", "Director", True),
    ("narcotics_head", "narcotics", "Director General", True),
    ("academy_head", "academy", "Director", True),
    ("nsa", "nsc", "National Security Adviser", False),
    ("intel_chief", "intel", "Director", True),
    ("cyber_head", "cyber", "Head", True),
    ("customs_head", "customs", "Commissioner", True),
)
_TITLES_NAMED = {
    "India": {"home_secretary": "Union Home Secretary", "interior_minister": "Union Home Minister",
              "foreign_minister": "External Affairs Minister", "deputy_fm": "Secretary (West)",
              "ct_director": "Joint Secretary for Counter-Terrorism",
              "ct_envoy": "Additional Secretary (Counter-Terrorism)",
              "spokesperson": "External Affairs Ministry spokesperson"},
    "United States": {"home_secretary": "Deputy Secretary of Homeland Security",
                      "interior_minister": "Secretary of Homeland Security", "foreign_minister": "Secretary of State",
                      "deputy_fm": "Deputy Secretary of State",
                      "ct_envoy": "State Department Coordinator for Counterterrorism",
                      "ct_director": "Principal Deputy Coordinator for Counterterrorism",
                      "spokesperson": "State Department spokesperson", "deputy_interior": "Under Secretary for Policy"},
    "Pakistan": {"home_secretary": "Interior Secretary", "spokesperson": "Foreign Office spokesperson",
                 "ct_director": "Additional Secretary (UN and Counter-Terrorism)"},
    "United Kingdom": {"home_secretary": "Permanent Secretary at the Home Office",
                       "interior_minister": "Home Secretary",
                       "foreign_minister": "Foreign Secretary", "deputy_interior": "Security Minister",
                       "spokesperson": "Foreign Office spokesperson"},
    "China": {"interior_minister": "Minister of Public Security", "home_secretary": "Vice Minister of Public Security"},
}

# -- Terrorist groups: spellings (the first is the usual one), abbreviation, home state ----------
_GROUPS = (
    (("Lashkar-e-Taiba", "Lashkar e-Tayyiba", "Lashkar-e-Tayyiba", "Lashkar-e-Toiba"), "LeT", "Pakistan"),
    (("Jaish-e-Mohammed", "Jaish-e Mohammad", "Jaish-e-Mohammad", "Jaish-e-Muhammad"), "JeM", "Pakistan"),
    (("al-Qaida", "Al-Qaeda", "Al-Qa’ida", "al-Qaeda", "Al Qaeda"), None, "Afghanistan"),
    (("Islamic State", "ISIS", "ISIS/Daesh", "Daesh", "ISIL", "Islamic State of Iraq and Syria"), None, "Syria"),
    (("Hizbul Mujahideen", "Hizb-ul Mujahideen", "Hizb-ul-Mujahideen"), "HM", "Pakistan"),
    (("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "Pakistani Taliban"), "TTP", "Pakistan"),
    (("Haqqani Network", "Haqqani network"), None, "Afghanistan"),
    (("The Resistance Front", "Resistance Front"), "TRF", "Pakistan"),
    (("al-Shabaab", "Al-Shabab", "al Shabaab", "Harakat al-Shabaab al-Mujahideen"), None, "Somalia"),
    (("Boko Haram",), None, "Nigeria"),
    (("Islamic State West Africa Province",), "ISWAP", "Nigeria"),
    (("Islamic State Khorasan Province", "ISIS-K", "IS-K"), "ISKP", "Afghanistan"),
    (("al-Qaeda in the Indian Subcontinent", "Al-Qaida in the Indian Subcontinent"), "AQIS", "Afghanistan"),
    (("al-Qaeda in the Arabian Peninsula", "Al-Qa’ida in the Arabian Peninsula"), "AQAP", "Yemen"),
    (("Hezbollah", "Hizballah", "Hizbullah"), None, "Lebanon"),
    (("Balochistan Liberation Army", "Baloch Liberation Army"), "BLA", "Pakistan"),
    (("East Turkestan Islamic Movement", "Turkistan Islamic Party"), "ETIM", "China"),
    (("Abu Sayyaf Group", "Abu Sayyaf"), "ASG", "Philippines"),
    (("Jamaat-ul-Mujahideen Bangladesh", "Jama’atul Mujahideen Bangladesh"), "JMB", "Bangladesh"),
    (("Jama’at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al-Islam wal Muslimin"), "JNIM", "Mali"),
    (("Hayat Tahrir al-Sham",), "HTS", "Syria"),
    (("Babbar Khalsa International", "Babbar Khalsa"), "BKI", "India"),
    (("Khalistan Tiger Force",), "KTF", "India"),
    (("Jemaah Islamiyah", "Jemaah Islamiah"), "JI", "Indonesia"),
    (("Kurdistan Workers’ Party", "Kurdistan Workers Party"), "PKK", "Turkey"),
    (("Harkat-ul-Mujahideen", "Harakat ul-Mujahidin"), "HuM", "Pakistan"),
    (("Lashkar-e-Jhangvi", "Lashkar-i-Jhangvi"), "LeJ", "Pakistan"),
    (("National Thowheeth Jama’ath", "National Thowheed Jamath"), "NTJ", "Sri Lanka"),
    (("Ansar al-Sunna", "Ahlu Sunnah Wal Jamaa"), None, "Mozambique"),
    (("Islamic State Sahel Province", "ISIS-Sahel"), None, "Niger"),
)
_INVENTED_GROUP_PARTS = (
    ("Harakat", "Jamaat", "Tanzeem", "Ansar", "Liwa", "Katibat", "Jund", "Saraya", "Majlis", "Tehreek"),
    ("al-Nur", "al-Haqq", "al-Fajr", "al-Furqan", "al-Badr", "al-Qassam", "al-Mizan", "al-Rayah",
     "al-Tawhid", "al-Hijra", "al-Ummah", "al-Sahil", "al-Jabal", "al-Sharq", "al-Hudud"),
    ("", "", "Brigade", "Front", "Movement", "Battalion", "Army", "Mujahideen"),
)

# -- Attacks that really happened: label, date, city, state, killed, group, target, alias ------
_KNOWN_ATTACKS = (
    ("Mumbai attacks", (2008, 11, 26), "Mumbai", "India", 166, "LeT",
     "hotels, a railway station and a Jewish centre", "26/11"),
    ("Pathankot attack", (2016, 1, 2), "Pathankot", "India", 7, "JeM",
     "an Indian Air Force base", "the Pathankot airbase attack"),
    ("Pulwama attack", (2019, 2, 14), "Pulwama", "India", 40, "JeM",
     "a convoy of the Central Reserve Police Force", "the Pulwama bombing"),
    ("Uri attack", (2016, 9, 18), "Uri", "India", 19, "JeM",
     "an army brigade headquarters", "the Uri army camp attack"),
    ("Pahalgam attack", (2025, 4, 22), "Pahalgam", "India", 26, "TRF",
     "tourists in the Baisaran meadow", "the Pahalgam terror attack"),
    ("Mumbai train bombings", (2006, 7, 11), "Mumbai", "India", 209, "LeT",
     "suburban trains", "7/11"),
    ("September 11 attacks", (2001, 9, 11), "New York", "United States", 2977, "al-Qaida",
     "the World Trade Center and the Pentagon", "9/11"),
    ("Abbey Gate bombing", (2021, 8, 26), "Kabul", "Afghanistan", 183, "ISKP",
     "crowds at Kabul airport", "the Kabul airport bombing"),
    ("Paris attacks", (2015, 11, 13), "Paris", "France", 130, "Islamic State",
     "a concert hall, a stadium and cafes", "the November 13 attacks"),
    ("Brussels bombings", (2016, 3, 22), "Brussels", "Belgium", 32, "Islamic State",
     "the airport and a metro station", "the Brussels attacks"),
    ("Manchester Arena bombing", (2017, 5, 22), "Manchester", "United Kingdom", 22, "Islamic State",
     "a concert audience", "the Manchester attack"),
    ("Westgate mall attack", (2013, 9, 21), "Nairobi", "Kenya", 67, "al-Shabaab",
     "a shopping mall", "the Westgate siege"),
    ("Garissa University College attack", (2015, 4, 2), "Garissa", "Kenya", 148, "al-Shabaab",
     "university students", "the Garissa attack"),
    ("Peshawar school massacre", (2014, 12, 16), "Peshawar", "Pakistan", 149, "TTP",
     "the Army Public School", "the APS attack"),
    ("Easter Sunday bombings", (2019, 4, 21), "Colombo", "Sri Lanka", 269, "NTJ",
     "churches and hotels", "the Easter attacks"),
    ("Madrid train bombings", (2004, 3, 11), "Madrid", "Spain", 193, "al-Qaida",
     "commuter trains", "11-M"),
    ("London bombings", (2005, 7, 7), "London", "United Kingdom", 52, "al-Qaida",
     "the Underground and a bus", "7/7"),
    ("Bali bombings", (2002, 10, 12), "Denpasar", "Indonesia", 202, "JI",
     "nightclubs in Kuta", "the 2002 Bali attacks"),
    ("Holey Artisan Bakery attack", (2016, 7, 1), "Dhaka", "Bangladesh", 22, "JMB",
     "a cafe in Gulshan", "the Dhaka cafe attack"),
    ("Crocus City Hall attack", (2024, 3, 22), "Krasnogorsk", "Russia", 145, "ISKP",
     "a concert hall", "the Crocus attack"),
)
_KNOWN_DETAILS = {"Mumbai attacks": (10, "United States", 6)}   # team, foreign victims' state, count
_ATTACK_KINDS = (
    ("bombing", "a crowded market"), ("suicide bombing", "a police station"), ("attack", "a hotel"),
    ("ambush", "a military convoy"), ("siege", "a shopping mall"), ("attack", "a bus carrying pilgrims"),
    ("bombing", "a mosque during Friday prayers"), ("attack", "a border checkpoint"),
    ("attack", "a diplomatic mission"), ("shooting", "a concert hall"), ("truck attack", "a holiday market"),
    ("bombing", "a railway station"), ("attack", "an army camp"), ("attack", "a school"),
    ("raid", "a village"), ("attack", "a church"), ("bombing", "a wedding party"), ("attack", "a power station"),
)
_INSURGENCY_STATES = ("Pakistan", "Afghanistan", "Iraq", "Syria", "Somalia", "Nigeria", "Mali", "Niger", "Burkina Faso",
                      "Yemen", "Philippines", "Indonesia", "Bangladesh", "Mozambique", "Egypt", "Kenya",
                      "Tajikistan", "Thailand", "India", "Sri Lanka", "Lebanon", "Algeria", "Tunisia", "Iran")
_MEMBER_ROLES = ("chief", "founder", "operations commander", "deputy chief", "spokesman", "financier",
                 "recruiter", "commander", "operative", "bomb-maker", "ideologue", "handler")

# -- Meetings: kind of series, post that leads each delegation, usual topics, noun -------------
_SERIES_KINDS = (
    ("Joint Working Group on Counter-Terrorism", "ct_director", "meeting"),
    ("Counter-Terrorism Joint Working Group", "ct_director", "meeting"),
    ("Homeland Security Dialogue", "home_secretary", "round"),
    ("Designations Dialogue", "ct_director", "session"),
    ("Counter-Terrorism Dialogue", "ct_envoy", "round"),
    ("Security Dialogue", "nsa", "round"),
    ("Strategic Security Dialogue", "deputy_fm", "round"),
    ("Joint Working Group on Cyber Security", "cyber_head", "meeting"),
    ("Counternarcotics Working Group", "narcotics_head", "meeting"),
    ("Working Group on Combating International Terrorism and Transnational Organised Crime", "ct_chief", "meeting"),
    ("Consultations on Counter-Terrorism and Transnational Crime", "ct_envoy", "round"),
    ("Interior Ministers’ Dialogue", "interior_minister", "round"),
    ("Joint Commission on Security Cooperation", "deputy_interior", "session"),
    ("Law Enforcement and Security Dialogue", "home_secretary", "round"),
    ("Dialogue on Countering the Financing of Terrorism", "fiu_head", "session"),
    ("Joint Task Force on Illegal Migration", "deputy_interior", "meeting"),
    ("Maritime Security Dialogue", "deputy_fm", "round"),
    ("Home Secretary-level Talks", "home_secretary", "round"),
)
# key, phrases for the topic, phrases for the threat to curb (none when it is not a threat)
_TOPICS = (
    ("counter-terrorism", ("combating terrorism", "counter-terrorism cooperation", "the fight against terrorism"),
     ("terrorism", "cross-border terrorism")),
    ("counter-narcotics",
     ("counter-narcotics cooperation", "drug trafficking", "counternarcotics", "narcotics smuggling"),
     ("drug trafficking", "narcotics smuggling")),
    ("fentanyl", ("illicit fentanyl", "synthetic opioids", "fentanyl precursors"),
     ("the flow of illicit fentanyl", "synthetic opioid trafficking")),
    ("cybercrime", ("cybercrime", "cybercrimes and misuse of the cyber domain", "cyber security"),
     ("cybercrime", "ransomware attacks")),
    ("money-laundering", ("money laundering", "illicit financial flows"),
     ("money laundering", "illicit financial flows")),
    ("terror-financing", ("terror financing", "countering the financing of terrorism", "terrorist financing"),
     ("terror financing", "terrorist financing")),
    ("illegal-migration", ("illegal migration", "irregular migration", "illegal immigration networks"),
     ("illegal migration", "illegal immigration networks")),
    ("human-trafficking", ("human trafficking", "trafficking in persons", "migrant smuggling"),
     ("human trafficking", "migrant smuggling")),
    ("organised-crime", ("organised crime", "transnational organised crime", "organised crime syndicates"),
     ("organised crime syndicates", "transnational organised crime")),
    ("arms-trafficking", ("arms trafficking", "illicit arms transfers"),
     ("arms trafficking", "illicit arms transfers")),
    ("violent-extremism", ("violent extremism", "radicalisation", "countering radicalisation"),
     ("violent extremism", "radicalisation")),
    ("terrorist-use-of-internet",
     ("terrorist use of the internet", "online radicalisation", "extremist propaganda online"),
     ("online radicalisation", "extremist propaganda online")),
    ("foreign-terrorist-fighters",
     ("foreign terrorist fighters", "returning terrorist fighters", "cross-border movement of terrorists"),
     ("the movement of foreign terrorist fighters",)),
    ("border-security", ("border security", "border management"), ("cross-border infiltration",)),
    ("transportation-security", ("transportation security", "aviation security"), ()),
    ("maritime-security", ("maritime security", "piracy at sea"), ("piracy at sea",)),
    ("critical-infrastructure", ("critical infrastructure protection", "protection of critical infrastructure"), ()),
    ("drones", ("misuse of drones", "unmanned aerial systems"), ("the misuse of drones",)),
    ("crypto", ("misuse of cryptocurrencies", "virtual assets"), ("the misuse of cryptocurrencies",)),
    ("information-sharing", ("information sharing", "intelligence sharing", "exchange of information"), ()),
    ("capacity-building", ("capacity building", "law enforcement training", "technical assistance"), ()),
    ("mutual-legal-assistance", ("mutual legal assistance", "extradition assistance"), ()),
    ("sanctions", ("sanctions and designations", "UN listings of terrorists"), ()),
    ("wmd", ("prevention of proliferation of weapons of mass destruction", "WMD terrorism"), ()),
)
_THREATS = tuple(phrase for _, _, threats in _TOPICS for phrase in threats)
_RESOLUTIONS = (
    (1267, "the sanctions regime against al-Qaida and associated individuals and entities"),
    (1373, "the obligations of all states to criminalise terrorist financing"),
    (1540, "preventing non-state actors from acquiring weapons of mass destruction"),
    (2178, "the threat posed by foreign terrorist fighters"),
    (2253, "the ISIL (Da’esh) and al-Qaida sanctions regime"),
    (2368, "the ISIL and al-Qaida sanctions list"),
    (2396, "returning and relocating foreign terrorist fighters"),
    (2462, "combating the financing of terrorism"),
    (2617, "the mandate of the Counter-Terrorism Committee Executive Directorate"),
    (2370, "preventing terrorists from acquiring weapons"),
)
_DEMANDS = (
    "take immediate, sustained and irreversible action to ensure that no territory under its control is used "
    "for terrorist attacks",
    "expeditiously bring to justice the perpetrators of such attacks",
    "take all necessary measures to curb terror activities emanating from its soil",
    "dismantle terrorist safe havens and infrastructure on its territory",
    "ensure that its territory is not used to carry out cross-border terrorist attacks",
    "take verifiable action against terrorist financing networks operating from its soil",
    "cooperate fully with investigations into the attacks",
)
_STANCES = (
    "one-sided, misleading and contrary to diplomatic norms", "baseless and politically motivated",
    "a deliberate attempt to malign", "unwarranted and regrettable", "interference in our internal affairs",
    "selective and counter-productive", "surprising, given our counterterrorism cooperation",
    "a step in the right direction", "an important signal to terrorists", "welcome but long overdue",
)
_REACTION_QUOTES = (
    "All countries should work together to prevent and fight terrorism and safeguard the world’s peace and "
    "stability.",
    "Terrorism is a common challenge faced by all countries. The international community should fully recognise "
    "and respect the sacrifices that have been made.",
    "We oppose all kinds of terrorism and we oppose double standards on counterterrorism.",
    "We oppose the attempt to link terrorism to any specific country or religion.",
    "Such references only serve to divert attention from the real issues in the region.",
    "We have always cooperated with our partners in the fight against terrorism and will continue to do so.",
    "We hope the two sides will play a constructive role in regional peace and stability.",
    "We reject the insinuations in the statement in their entirety.",
)
_DOCUMENTS = (
    ("Memorandum of Cooperation", "MoC"), ("Memorandum of Understanding", "MoU"),
    ("Memorandum of Understanding", "MoU"), ("Letter of Intent", None),
)
_DOCUMENT_SUBJECTS = (
    "Law Enforcement Training", "Combating Illicit Drug Trafficking", "Cyber Security Cooperation",
    "Exchange of Financial Intelligence", "Countering Human Trafficking", "Police Training",
    "Cooperation in Combating Terrorism", "Forensic Science Cooperation", "Border Management",
    "Capacity Building in Counter-Terrorism Investigations", "Exchange of Information on Terror Financing",
)
_DESIGNATIONS = ("Foreign Terrorist Organisation", "terrorist organisation",
                 "Specially Designated Global Terrorist entity")
_FORUMS = (
    "the Financial Action Task Force (FATF)", "the Global Counterterrorism Forum", "Interpol",
    "the UN Counter-Terrorism Committee", "the Shanghai Cooperation Organisation’s Regional Anti-Terrorist Structure",
    "the Quad Counter-Terrorism Working Group", "the BRICS Counter-Terrorism Working Group",
    "the Global Coalition to Defeat ISIS", "the No Money for Terror ministerial conference",
    "the UN Office of Counter-Terrorism",
)
_THINK_TANK_FORMS = ("{adj} Institute of Strategic Studies", "Centre for Security Studies, {capital}",
                     "{capital} Policy Institute", "{adj} Institute of International Affairs",
                     "Institute for Conflict Management, {capital}", "{adj} Council on Security Studies")
_ANALYST_ROLES = ("a senior fellow at the", "director of the", "a security analyst at the",
                  "a former official now with the", "a researcher at the")

# -- Publishers: code, how its datelines look, spelling, where it writes from -----------------
# style keys: pti "City, Mon d (PTI)", ani "City [Country], Month d (ANI):" or "City, Month d :",
# caps "CITY, Mon d (Reuters) -", ap "CITY (AP) —", dawn "CITY:", tass "MOSCOW, Month d. /TASS/."
_PUBLISHERS = (
    ("PTI", "pti", False, "India", 16), ("ANI", "ani", False, "India", 12), ("IANS", "pti", False, "India", 5),
    ("UNI", "pti", False, "India", 2), ("Reuters", "caps", True, None, 10), ("AP", "ap", True, None, 7),
    ("AFP", "afp", True, None, 6), ("Xinhua", "xinhua", True, "China", 4), ("Dawn", "dawn", False, "Pakistan", 4),
    ("APP", "app", False, "Pakistan", 2), ("Kyodo", "xinhua", True, "Japan", 2),
    ("Yonhap", "xinhua", True, "South Korea", 1), ("Bernama", "xinhua", False, "Malaysia", 1),
    ("TASS", "tass", True, "Russia", 1), ("Anadolu Agency", "aa", True, "Turkey", 1),
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_MON_SHORT = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_ABBREVIATED = ("Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth", "twentieth")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

# -- Page chrome ----------------------------------------------------------------------------
_MENU_WORDS = ("City", "Epaper", "India", "World", "Business", "Sports", "Entertainment", "Videos",
               "Photos", "Home", "Latest News", "Trending", "Opinion", "Elections", "Tech", "Lifestyle")
_DISCLAIMERS = (
    "Disclaimer: This post has been auto-published from an agency feed without any modifications to "
    "the text and has not been reviewed by an editor",
    "Disclaimer: This story has not been edited by our staff and is published from a syndicated news feed.",
    "(This story has not been edited and is auto-generated from a syndicated feed.)",
)
_RELATED_HEADINGS = ("Related Stories", "Related News", "International Realted Stories", "More from World")
_HEADLINE_CATEGORIES = ("Business", "Cricket", "International", "Hockey", "Pune", "Entertainment",
                        "Tech", "Football", "Auto", "Health")
_HEADLINE_FORMS = (
    "{cap} Poised to Become Regional Hub for {thing}, Says Industry Report",
    "{name} Scores His {n}th Century as {adj} Side Take Control (Watch Video)",
    "{adj} Team Win Third Consecutive Game on Europe Tour",
    "Locals Celebrate in {city} After Festival Draws Record Crowds",
    "{name} Urges Immediate Intervention in Case of {adj} Nurse Abroad",
    "Shares of {company} Jump {n}% After Quarterly Results",
    "{company} Unveils New Electric Scooter Priced at Rs {n},999",
    "Heatwave Alert Issued for {city} as Temperatures Touch {n} Degrees",
    "{name} to Star in Sequel to Box-Office Hit, Shooting Begins in {city}",
    "Monsoon Session: {n} Bills Likely to Be Tabled, Says {name}",
)
_HEADLINE_THINGS = ("Air Cargo", "Green Hydrogen", "Semiconductors", "Electric Vehicles", "Data Centres")
_COMPANY_PARTS = (("Apex", "Nova", "Vertex", "Sundaram", "Bluefin", "Orion", "Kestrel", "Meridian"),
                  ("Motors", "Infotech", "Pharma", "Textiles", "Energy", "Logistics", "Foods"))


# -- Records of the invented world ----------------------------------------------------------
@dataclass(frozen=True, slots=True, eq=False)
class State:
    name: str
    forms: tuple[str, ...]
    short: str
    adjective: str
    capital: str
    cities: tuple[str, ...]
    region: str
    head_title: str
    weight: int


@dataclass(frozen=True, slots=True, eq=False)
class Person:
    key: int
    names: tuple[str, ...]      # ways to write the full name; the first is the usual one
    surnames: tuple[str, ...]   # the short reference that goes with each way
    female: bool


@dataclass(frozen=True, slots=True, eq=False)
class Agency:
    name: str
    abbr: str | None
    state: State
    named: bool                 # a proper name ("National Investigation Agency"), not a generic one


@dataclass(frozen=True, slots=True, eq=False)
class Post:
    key: str
    title: str
    agency: Agency
    state: State
    needs_agency: bool
    starts: tuple[int, ...]     # ordinal day each holder took the post
    holders: tuple[Person, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Group:
    variants: tuple[str, ...]
    abbr: str | None
    home: State
    members: tuple[tuple[Person, str], ...]


@dataclass(frozen=True, slots=True, eq=False)
class Attack:
    label: str                  # "2008 Mumbai attacks"
    alias: str | None
    date: dt.date
    city: str
    state: State
    killed: int
    injured: int
    group: Group
    target: str
    noun: str
    team: int                   # attackers
    foreign: State              # the state of foreign nationals among the dead
    foreigners: int


@dataclass(frozen=True, slots=True, eq=False)
class Session:
    number: int
    start: dt.date
    end: dt.date
    host: State | None          # None when held virtually
    place: str | None
    topics: tuple[int, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Series:
    a: State
    b: State
    kind: str
    noun: str
    lead_post: str
    sessions: tuple[Session, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Analyst:
    person: Person
    role: str
    institute: str


class FastRandom(random.Random):
    """random.Random with a cheaper choice() and randint(); still seeded and deterministic."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


def _cumulative(weights) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _pick(rng: random.Random, items, cum):
    return items[bisect.bisect_right(cum, rng.random() * cum[-1])]


# -- Names and their spelling variants -------------------------------------------------------
_VOWELS = "aeiou"
_SWAPS = (("ee", "i"), ("oo", "u"), ("ou", "u"), ("ph", "f"), ("Moh", "Muh"), ("med", "mad"),
          ("kh", "k"), ("q", "k"), ("y", "i"), ("-ur", "ur"), ("-ul", "ul"), ("ei", "ey"))


def spelling_variants(word: str) -> list[str]:
    """Other ways the press spells a name: Panun / Pannun, Mohammed / Muhammed, Zaki-ur / Zakiur."""
    out = []
    for i in range(1, len(word) - 1):
        if word[i] == word[i + 1] and word[i] not in _VOWELS:
            out.append(word[:i] + word[i + 1:])
            break
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS and word[i + 1] in _VOWELS and word[i].isalpha():
            out.append(word[:i + 1] + word[i] + word[i + 1:])
            break
    for old, new in _SWAPS:
        if old in word[1:]:
            out.append(word[0] + word[1:].replace(old, new, 1))
            break
    return [variant for variant in out if variant != word]


class _NameMaker:
    """Invents people of a region. Usual names are distinct: after a few clashes a middle initial,
    a father's name or a second surname tells the new person apart."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.taken: dict[str, int] = {}
        self.count = 0
        self.lists = {}
        for region, (male, female, surnames) in _NAMES.items():
            split = (lambda text: text.split(";")) if ";" in male else str.split
            self.lists[region] = (split(male), split(female), surnames.split())

    def person(self, region: str, variant_odds: float = 0.15, female_odds: float = 0.25) -> Person:
        rng = self.rng
        male, female, surnames = self.lists[region]
        for attempt in range(10):
            is_female = rng.random() < female_odds
            given = rng.choice(female if is_female else male)
            surname, middle, roll = rng.choice(surnames), "", rng.random()
            if region in _SURNAME_FIRST:
                if attempt >= 3:
                    other = rng.choice(male)
                    given = f"{given}-{other.split('-')[0].lower()}" if region == "ko" else given + other.lower()
            elif region in _PATRONYMIC and roll < 0.45:
                middle = rng.choice(male)
            elif region in _DOUBLE_SURNAME and roll < 0.4:
                second = rng.choice(surnames)
                surname = f"{surname} {second}" if second != surname else surname
            elif roll < _MIDDLE_INITIAL_ODDS.get(region, 0.03) or attempt >= 4:
                middle = rng.choice("ABCDEFGHJKLMNPRSTW") + "."
            names, shorts = self._forms(region, given, middle, surname)
            if names[0] not in self.taken:
                break
        self.count += 1
        self.taken[names[0]] = self.count
        if rng.random() < variant_odds and region not in _SURNAME_FIRST:
            last = surname.split()[-1]
            for other in spelling_variants(last):
                names.append(f"{given} {surname[:-len(last)]}{other}")
                shorts.append(other)
            for other in spelling_variants(given)[:1]:
                names.append(f"{other} {surname}")
                shorts.append(shorts[0])
        return Person(self.count, tuple(names), tuple(shorts), is_female)

    @staticmethod
    def _forms(region: str, given: str, middle: str, surname: str) -> tuple[list[str], list[str]]:
        """The usual name first, then the shorter forms the press also uses."""
        if region in _SURNAME_FIRST:
            return [f"{surname} {given}"], [surname]
        if middle.endswith("."):
            return ([f"{given} {middle} {surname}", f"{given} {surname}", f"{given} {middle[0]} {surname}"],
                    [surname] * 3)
        if middle:
            return [f"{given} {middle} {surname}", f"{given} {surname}"], [surname, surname]
        if " " in surname:
            first = surname.split()[0]
            return [f"{given} {surname}", f"{given} {first}"], [surname, first]
        return [f"{given} {surname}"], [surname]


# -- The world: states, posts and their holders, groups, attacks, meeting series -------------
class World:
    """Everything articles talk about, drawn once from the seed so articles agree with each other."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.names = _NameMaker(rng)
        self.states = tuple(State(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8])
                            for row in _STATE_ROWS)
        self.by_name = {state.name: state for state in self.states}
        self.state_cum = _cumulative(state.weight for state in self.states)
        self.agencies = {state.name: self._agencies(state) for state in self.states}
        self.posts = {state.name: self._posts(state) for state in self.states}
        self.heads = {state.name: self._holders(state, 4, 7) for state in self.states}
        self.groups = self._groups()
        self.group_by_abbr: dict[str, Group] = {}
        for group in self.groups:
            self.group_by_abbr.setdefault(group.abbr or group.variants[0], group)
        self.attacks = self._attacks()
        self.attack_days = [attack.date.toordinal() for attack in self.attacks]
        self.attacks_in: dict[str, tuple[list[Attack], list[int]]] = {}
        for attack in self.attacks:
            listed, days = self.attacks_in.setdefault(attack.state.name, ([], []))
            listed.append(attack)
            days.append(attack.date.toordinal())
        self.groups_of: dict[str, list[Group]] = {}
        for group in self.groups:
            self.groups_of.setdefault(group.home.name, []).append(group)
        self.series = self._series()
        self.series_cum = _cumulative(1.0 / (rank + 1) ** 0.8 for rank in range(len(self.series)))
        self.analysts = self._analysts()
        self.extras = tuple(self.names.person(rng.choice(tuple(_NAMES)), 0.3) for _ in range(300))

    def state(self) -> State:
        return _pick(self.rng, self.states, self.state_cum)

    def other_state(self, *not_these: State) -> State:
        while True:
            state = self.state()
            if state not in not_these:
                return state

    def suspect(self, *not_these: State) -> State:
        """A state others call on to act: usually one where armed groups are based."""
        if self.rng.random() < 0.6:
            state = self.by_name[self.rng.choice(_INSURGENCY_STATES)]
            if state not in not_these:
                return state
        return self.other_state(*not_these)

    def _agencies(self, state: State) -> dict[str, Agency]:
        named = _AGENCY_NAMED.get(state.name, {})
        out = {}
        for kind, generic in _AGENCY_GENERIC.items():
            text = named.get(kind) or self.rng.choice(generic)
            name, _, abbr = text.partition(" (")
            out[kind] = Agency(name, abbr.rstrip(")") or None, state, kind in named)
        return out

    def _holders(self, state: State, shortest: int, longest: int) -> tuple[tuple[int, ...], tuple[Person, ...]]:
        rng, starts, people = self.rng, [], []
        day = dt.date(1998, rng.randint(1, 12), rng.randint(1, 28)).toordinal()
        end = dt.date(LAST_YEAR + 1, 1, 1).toordinal()
        while day < end:
            starts.append(day)
            people.append(self.names.person(state.region))
            day += rng.randint(shortest * 365, longest * 365)
        return tuple(starts), tuple(people)

    def _posts(self, state: State) -> dict[str, Post]:
        titles = _TITLES_NAMED.get(state.name, {})
        out = {}
        for key, kind, title, needs_agency in _POSTS:
            starts, holders = self._holders(state, 2, 5)
            title = titles.get(key, title)
            out[key] = Post(key, title, self.agencies[state.name][kind], state,
                            needs_agency and key not in titles, starts, holders)
        return out

    def _groups(self) -> tuple[Group, ...]:
        rows = list(_GROUPS)
        first, second, third = _INVENTED_GROUP_PARTS
        for _ in range(45):
            words = [self.rng.choice(first), self.rng.choice(second), self.rng.choice(third)]
            usual = " ".join(word for word in words if word)
            other = usual.replace("al-", "ul-", 1) if self.rng.random() < 0.5 else usual.replace("al-", "Al ", 1)
            abbr = "".join(word[0] for word in usual.replace("al-", "").split()).upper()
            taken = any(row[1] == abbr for row in rows)
            abbr = abbr if len(abbr) > 2 and not taken else None
            rows.append(((usual, other), abbr, self.rng.choice(_INSURGENCY_STATES)))
        out, seen = [], set()
        for variants, abbr, home in rows:
            if variants[0] in seen:
                continue
            seen.add(variants[0])
            state = self.by_name[home]
            members = tuple((self.names.person(state.region, 0.45, 0.05), self.rng.choice(_MEMBER_ROLES))
                            for _ in range(self.rng.randint(12, 30)))
            out.append(Group(variants, abbr, state, members))
        return tuple(out)

    def _attacks(self) -> tuple[Attack, ...]:
        out = []
        for label, ymd, city, state, killed, group, target, alias in _KNOWN_ATTACKS:
            date = dt.date(*ymd)
            team, foreign, foreigners = _KNOWN_DETAILS.get(label, (self.rng.randint(2, 12), None, 0))
            victim = self.by_name[state]
            foreign_state = self.by_name[foreign] if foreign else self.other_state(victim)
            out.append(Attack(f"{date.year} {label}", alias, date, city, victim, killed, killed * 2 + 11,
                              self.group_by_abbr[group], target, label.split()[-1], team, foreign_state,
                              foreigners or self.rng.randint(1, max(1, min(9, killed // 3)))))
        for _ in range(400):
            out.append(self._invented_attack())
        out.sort(key=lambda attack: (attack.date, attack.label))
        return tuple(out)

    def _invented_attack(self) -> Attack:
        rng = self.rng
        group = rng.choice(self.groups)
        state = group.home if rng.random() < 0.5 else self.state()
        city = rng.choice(state.cities + (state.capital,))
        date = dt.date(rng.randint(2000, LAST_YEAR), rng.randint(1, 12), rng.randint(1, 28))
        noun, target = rng.choice(_ATTACK_KINDS)
        killed = min(int(rng.lognormvariate(2.3, 1.0)) + 2, 300)
        return Attack(f"{date.year} {city} {noun}", None, date, city, state, killed,
                      killed + rng.randint(0, killed * 3 + 5), group, target, noun, rng.randint(1, 12),
                      self.other_state(state), rng.randint(1, max(1, min(9, killed // 3))))

    def _series(self) -> tuple[Series, ...]:
        rng, out, seen = self.rng, [], set()
        while len(out) < 650:
            a = self.state()
            b = self.other_state(a)
            kind, lead_post, noun = rng.choice(_SERIES_KINDS)
            key = (min(a.name, b.name), max(a.name, b.name), kind)
            if key in seen:
                continue
            seen.add(key)
            out.append(Series(a, b, kind, noun, lead_post, self._sessions(a, b)))
        return tuple(out)

    def _sessions(self, a: State, b: State) -> tuple[Session, ...]:
        rng, out = self.rng, []
        number = 1 + (rng.randint(0, 8) if rng.random() < 0.4 else 0)
        month = rng.randint(2000, 2021) * 12 + rng.randint(0, 11)
        hosts = [a, b] if rng.random() < 0.5 else [b, a]
        preferred = rng.sample(range(len(_TOPICS)), 8)
        while month < (LAST_YEAR + 1) * 12:
            start = dt.date(month // 12, month % 12 + 1, rng.randint(1, 26))
            end = start + dt.timedelta(days=rng.choice((0, 1, 1, 2)))
            pandemic = dt.date(2020, 4, 1) <= start <= dt.date(2021, 12, 31)
            host = None if rng.random() < (0.8 if pandemic else 0.06) else hosts[number % 2]
            place = None if host is None else (host.capital if rng.random() < 0.8 else rng.choice(host.cities))
            topics = tuple(rng.sample(preferred, rng.randint(3, 6)))
            out.append(Session(number, start, end, host, place, topics))
            number += 1
            month += rng.randint(8, 22)
        return tuple(out)

    def _analysts(self) -> tuple[Analyst, ...]:
        out = []
        for state in self.states:
            for form in self.rng.sample(_THINK_TANK_FORMS, 2):
                institute = form.format(adj=state.adjective, capital=state.capital)
                for _ in range(self.rng.randint(1, 4)):
                    person = self.names.person(state.region)
                    out.append(Analyst(person, self.rng.choice(_ANALYST_ROLES), institute))
        return tuple(out)

    def holder(self, post: Post | tuple, day: dt.date) -> Person:
        starts, holders = (post.starts, post.holders) if isinstance(post, Post) else post
        return holders[max(bisect.bisect_right(starts, day.toordinal()) - 1, 0)]

    def attacks_before(self, day: dt.date, state: State | None = None, count: int = 1) -> list[Attack]:
        """Up to `count` distinct attacks before `day`, in `state` when it has any; famous ones first."""
        pool: list[Attack] = []
        if state is not None and state.name in self.attacks_in:
            listed, days = self.attacks_in[state.name]
            pool = listed[:bisect.bisect_left(days, day.toordinal())]
        pool = pool or self.attacks[:bisect.bisect_left(self.attack_days, day.toordinal())]
        known = [attack for attack in pool if attack.alias]
        out: list[Attack] = []
        for _ in range(count * 3):
            attack = self.rng.choice(known if known and self.rng.random() < 0.5 else pool) if pool else None
            if attack is not None and attack not in out:
                out.append(attack)
            if len(out) == count:
                break
        return out


# -- Writing one article: the words for people, states, agencies, dates ---------------------
def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_PROPER_TITLE_WORDS = ("Office", "Department", "Union", "(", "Homeland", "State", "Public Security", "Home Office")
_KEEP_CAPITALS = ("Counter-Terrorism", "Counterterrorism")


def _an(word: str) -> str:
    """'a' or 'an' before a word or a number: an ideologue, an 11-member team."""
    vowel = word[:1].lower() in "aeio" or word.startswith(("8", "11", "18"))
    return f"{'an' if vowel else 'a'} {word}"


def _lower_title(title: str) -> str:
    """'Director General' -> 'director general', as in running text; titles naming an office stay as they are."""
    if any(word in title for word in _PROPER_TITLE_WORDS):
        return title
    return " ".join(word if word in _KEEP_CAPITALS else word.lower() for word in title.split())


class Writer:
    """The choices one article makes once and keeps: spellings, quote marks, publisher style."""

    def __init__(self, world: World, rng: random.Random, publisher: tuple, day: dt.date):
        self.world, self.rng, self.day = world, rng, day
        self.code, self.style, self.american, home, _ = publisher
        self.home = world.by_name[home] if home else None
        self.apos = "’" if rng.random() < 0.7 else "'"
        self.lq, self.rq = ("“", "”") if rng.random() < 0.7 else ('"', '"')
        self.oxford = rng.random() < 0.4
        self.variant: dict[int, int] = {}
        self.introduced: set[int] = set()
        self.spelled: dict[str, str] = {}
        self.spelled_agency: dict[Agency, str] = {}     # keyed by identity; never iterated

    # people
    def name(self, person: Person) -> str:
        index = self.variant.get(person.key)
        if index is None:
            index = 0 if len(person.names) == 1 or self.rng.random() < 0.6 else self.rng.randrange(len(person.names))
            self.variant[person.key] = index
        return person.names[index]

    def short(self, person: Person) -> str:
        self.name(person)
        return person.surnames[self.variant[person.key]]

    def pronoun(self, person: Person) -> str:
        return "she" if person.female else "he"

    def possessive_pronoun(self, person: Person) -> str:
        return "her" if person.female else "his"

    def official(self, post: Post, day: dt.date | None = None) -> tuple[Person, str]:
        """The holder of `post` on `day`, named with the title the first time, by surname after."""
        person = self.world.holder(post, day or self.day)
        if person.key in self.introduced and self.rng.random() < 0.7:
            return person, self.short(person)
        self.introduced.add(person.key)
        name, title, roll = self.name(person), post.title, self.rng.random()
        if post.needs_agency:
            if roll < 0.35:
                return person, f"{name}, {title} of {self.agency(post.agency)}"
            if roll < 0.65 and post.agency.abbr:
                return person, f"{post.agency.abbr} {title} {name}"
            return person, f"{name}, the {_lower_title(title)} of {self.agency(post.agency)}"
        if roll < 0.45:
            adjective = "" if post.state.adjective.split()[0] in title else post.state.adjective + " "
            return person, f"{adjective}{title} {name}"
        if roll < 0.75:
            agency = post.agency.name if post.agency.named else f"{post.state.adjective} {post.agency.name}"
            return person, f"{name}, {title}, {agency}"
        return person, f"{name}, the {post.state.adjective} {_lower_title(title)}"

    def post(self, state: State, key: str) -> Post:
        return self.world.posts[state.name][key]

    # states, agencies, groups
    def state(self, state: State, start: bool = False) -> str:
        form = state.forms[0] if len(state.forms) == 1 or self.rng.random() < 0.7 else self.rng.choice(state.forms)
        return _cap(form) if start else form

    def pair(self, a: State, b: State) -> str:
        x, y = (a.short, b.short)
        if self.rng.random() < 0.15:
            x, y = x.replace("US", "U.S."), y.replace("US", "U.S.")
        return f"{x}-{y}"

    def agency(self, agency: Agency, with_state: bool = True) -> str:
        seen = agency in self.spelled_agency
        if seen and agency.abbr and self.rng.random() < 0.7:
            return agency.abbr if agency.abbr.startswith("MI") else f"the {agency.abbr}"
        the = "" if agency.name in _AGENCY_THE_LESS else "the "
        if agency.named or not with_state or seen:
            text = f"{the}{agency.name}"
        elif self.rng.random() < 0.6:
            text = f"the {agency.state.adjective} {agency.name}"
        else:
            text = f"{self.poss(self.state(agency.state))} {agency.name}"
        if agency.abbr and not seen:
            text += f" ({agency.abbr})"
        self.spelled_agency[agency] = text
        return text

    def group(self, group: Group) -> str:
        key = group.variants[0]
        if key in self.spelled:
            return group.abbr if group.abbr and self.rng.random() < 0.6 else self.spelled[key]
        variants = group.variants
        name = variants[0] if len(variants) == 1 or self.rng.random() < 0.5 else self.rng.choice(variants)
        self.spelled[key] = name
        if group.abbr and self.rng.random() < 0.5:
            return f"{name} ({group.abbr})"
        return name

    def groups(self, count: int, near: tuple[State, ...] = ()) -> str:
        world, picked = self.world, []
        famous = world.groups[:5]
        local = [group for state in near for group in world.groups_of.get(state.name, ())]
        while len(picked) < count:
            pool = famous if self.rng.random() < 0.4 else (local if local and self.rng.random() < 0.5 else world.groups)
            group = self.rng.choice(pool)
            if group not in picked:
                picked.append(group)
        return self.listing([self.group(group) for group in picked])

    # words
    def poss(self, text: str) -> str:
        return f"{text}{self.apos}" if text.endswith("s") and not text.endswith("US") else f"{text}{self.apos}s"

    def quote(self, text: str) -> str:
        return f"{self.lq}{text.replace(chr(8217), self.apos)}{self.rq}"

    def said(self, text: str, who: str, verb: str = "said") -> str:
        """A quotation and its speaker: “...,” he said. / “...,” said X, the minister."""
        text = text.replace(chr(8217), self.apos)
        if text.endswith("."):
            text = text[:-1] + ","
        if "," in who and verb == "said":
            return f"{self.lq}{text}{self.rq} said {who}."
        return f"{self.lq}{text}{self.rq} {self.subject(who)} {verb}."

    @staticmethod
    def subject(phrase: str) -> str:
        """A name with an apposition closes it with a comma before the verb."""
        return phrase + "," if "," in phrase else phrase

    def listing(self, items: list[str]) -> str:
        if len(items) < 3:
            return " and ".join(items)
        return ", ".join(items[:-1]) + ("," if self.oxford else "") + " and " + items[-1]

    def topic(self, index: int) -> str:
        return self.rng.choice(_TOPICS[index][1])

    def topics(self, indexes) -> str:
        return self.listing([self.topic(index) for index in indexes])

    def threats(self, count: int = 1) -> str:
        return self.listing(self.rng.sample(_THREATS, count))

    def ordinal(self, number: int) -> str:
        if number <= len(_ORDINAL_WORDS) and self.rng.random() < 0.4:
            return _ORDINAL_WORDS[number - 1]
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"

    def count(self, number: int) -> str:
        return _NUMBER_WORDS[number] if number < len(_NUMBER_WORDS) and self.rng.random() < 0.7 else str(number)

    def month_day(self, day: dt.date) -> str:
        return f"{_MONTHS[day.month - 1]} {day.day}"

    def month_year(self, day: dt.date) -> str:
        return f"{_MONTHS[day.month - 1]} {day.year}"

    def when(self, day: dt.date) -> str:
        """'on Wednesday' within a week of the article, else 'on March 3' or 'in March 2019'."""
        gap = (self.day - day).days
        if 0 <= gap < 7:
            weekday = "on " + _WEEKDAYS[day.weekday()]
            return weekday if gap else self.rng.choice((weekday, "today"))
        if day.year == self.day.year and gap > 0:
            return f"on {self.month_day(day)}"
        return f"in {self.month_year(day)}"

    def span(self, start: dt.date, end: dt.date) -> str:
        if start == end:
            return self.when(start)
        if start.month != end.month:
            return f"from {self.month_day(start)} to {self.month_day(end)}"
        month, roll = _MONTHS[start.month - 1], self.rng.random()
        if roll < 0.35:
            return f"during {month} {start.day}-{end.day}"
        if roll < 0.65:
            return f"from {self.month_day(start)} to {self.month_day(end)}"
        if (end - start).days == 1:
            return f"on {month} {start.day} and {end.day}"
        return f"between {month} {start.day} and {end.day}"

    def person_extra(self) -> Person:
        return self.rng.choice(self.world.extras)


# -- A body is built from blocks of sentences; its length is chosen first --------------------
class Body:
    def __init__(self, target: int):
        self.target = target
        self.words = 0
        self.blocks: list[tuple[float, int, list[str]]] = []

    def add(self, order: float, sentences: list[str]) -> None:
        self.blocks.append((order, len(self.blocks), sentences))
        self.words += " ".join(sentences).count(" ") + 1 if sentences else 0

    @property
    def full(self) -> bool:
        return self.words >= self.target

    def sentences_in_order(self) -> list[list[str]]:
        return [block for _, _, block in sorted(self.blocks, key=lambda item: (item[0], item[1]))]


# -- Meetings -----------------------------------------------------------------------------
class MeetingReport:
    """The sentences of a report on one session of a bilateral meeting series."""

    def __init__(self, w: Writer, series: Series, session: Session, city: str):
        self.w, self.series, self.session, self.city = w, series, session, city
        rng = w.rng
        self.a, self.b = (series.a, series.b) if rng.random() < 0.5 else (series.b, series.a)
        self.callee = w.world.suspect(self.a, self.b)
        self.reactor = self.callee if rng.random() < 0.6 else w.world.other_state(self.a, self.b, self.callee)
        self.lead_a = w.post(self.a, series.lead_post)
        self.lead_b = w.post(self.b, series.lead_post)
        self.called = False

    # names of the meeting
    def name(self, numbered: bool = False) -> str:
        w, kind = self.w, self.series.kind
        if w.rng.random() < 0.2:
            kind = kind.lower().replace("counter-terrorism", "counterterrorism")
        base = f"the {w.pair(self.a, self.b) if w.rng.random() < 0.7 else w.pair(self.b, self.a)} {kind}"
        if numbered:
            return f"the {w.ordinal(self.session.number)} {self.series.noun} of {base}"
        return base

    def where(self) -> str:
        session = self.session
        if session.place is None:
            return "virtually"
        return "here" if session.place == self.city else f"in {session.place}"

    def topics(self, count: int = 3) -> str:
        chosen = self.session.topics[:count]
        return self.w.topics(chosen)

    # the first sentence, which the dateline precedes
    def lead(self) -> str:
        w, a, b, rng = self.w, self.a, self.b, self.w.rng
        roll = rng.random()
        if roll < 0.2:
            return (f"{_cap(self.topics(4))} were discussed at {self.name()} held {self.where()} "
                    f"{w.when(self.session.end)}, sources said.")
        if roll < 0.35:
            return (f"{_cap(self.name())} deepened the strategic partnership between {a.capital} and {b.capital} "
                    f"on issues ranging from {self.topics(2)} to {w.topic(self.session.topics[-1])}, an official "
                    f"readout from {w.agency(w.world.agencies[a.name]['interior'])} said.")
        if roll < 0.5:
            self.called = True
            attacks = w.world.attacks_before(self.session.start, a, 2)
            labels = w.listing([f"the {attack.label}" for attack in attacks]) or "recent attacks"
            return (f"{w.state(a, True)} and {w.state(b)} have called on {w.state(self.callee)} to take "
                    f"{w.quote('immediate, sustained and irreversible action')} to ensure that its territory "
                    f"isn{w.apos}t used for terror attacks and to speedily bring to justice the perpetrators of "
                    f"{labels}.")
        if roll < 0.65:
            self.called = True
            return (f"Emphasising the need for concerted action against all terrorist networks, including "
                    f"{w.groups(rng.randint(3, 5), (self.callee, a, b))}, {w.state(a)} and {w.state(b)} underlined "
                    f"that {w.state(self.callee)} should take all necessary measures to curb terror activities "
                    f"emanating from its soil.")
        if roll < 0.82:
            return (f"Senior officials of {w.state(a)} and {w.state(b)} met {self.where()} "
                    f"{w.span(self.session.start, self.session.end)} for {self.name(True)}, officials said.")
        return (f"{w.state(a, True)} and {w.state(b)} {w.when(self.session.end)} agreed to step up cooperation on "
                f"{self.topics(3)} at {self.name(True)}, according to a joint statement.")

    def delegations(self) -> list[str]:
        w, rng, day = self.w, self.w.rng, self.session.start
        first, text_a = w.official(self.lead_a, day)
        _, text_b = w.official(self.lead_b, day)
        roll = rng.random()
        if roll < 0.3:
            return [f"While the {self.a.adjective} delegation was led by {text_a}, the {self.b.adjective} delegation "
                    f"was headed by {w.possessive_pronoun(first)} counterpart {text_b}."]
        if roll < 0.55:
            return [f"The {self.a.adjective} delegation was led by {text_a}, while the {self.b.adjective} side was "
                    f"led by {text_b}."]
        if roll < 0.75:
            span = w.span(self.session.start, self.session.end)
            return [f"{_cap(span)}, {text_b} and {w.subject(text_a)} met {self.where()} to co-chair {self.name()}."]
        return [f"{_cap(text_a)} and {w.subject(text_b)} led the two delegations in what the statement described as a "
                f"{w.quote('far-reaching conversation on counterterrorism cooperation')}."]

    def details(self) -> list[str]:
        w, session = self.w, self.session
        place = "virtually" if session.place is None else f"in {session.place}"
        if w.rng.random() < 0.5:
            return [f"These issues figured in {self.name(True)} held {place} "
                    f"{w.span(session.start, session.end)}, according to a joint statement."]
        return [f"The {self.series.noun} was held {place} {w.span(session.start, session.end)}, the "
                f"{w.rng.choice(('statement', 'readout', 'ministry'))} said.",
                f"It was the {w.ordinal(session.number)} {self.series.noun} of the mechanism."]

    def topic_sentences(self) -> list[str]:
        w, rng, t = self.w, self.w.rng, self.session.topics
        a, b = self.a, self.b
        forms = [
            lambda: f"In this context, they discussed steps that can be taken to bolster bilateral efforts to combat "
                f"{w.threats(2)}, the statement said.",
            lambda: f"Both sides reaffirmed their commitment to strengthening people-to-people ties by taking steps to "
                f"counter {w.threats(3)}.",
            lambda: "The co-chairs reiterated their keen interest in consolidating the collaboration between the "
                "respective law enforcement agencies through exchange of information, capacity building and "
                "technical assistance.",
            lambda: f"There were also deliberations on {a.adjective} efforts to restrict {w.threats()}.",
            lambda: "The two sides also shared information about their priorities and procedures for pursuing "
                "sanctions and designations against terrorist groups and individuals.",
            lambda: f"They also highlighted their efforts to address some of the world{w.apos}s most pressing "
                f"counter-terrorism challenges, including {w.topics(t[1:4])}.",
            lambda: f"The leaders reaffirmed the need to deepen information sharing efforts to prevent {w.threats()}.",
            lambda: f"While discussing ways to deal with {w.threats()}, the two sides explored the possibility of "
                f"sharing biometric information, it is learnt.",
            lambda: f"The two sides also discussed {w.topic(t[1])} and {w.topic(t[2])}.",
            lambda: f"{w.state(a, True)} raised the issue of {w.topic(t[0])} and sought {w.poss(w.state(b))} "
                f"cooperation in tracing those involved.",
            lambda: f"The meeting acknowledged the work of the {w.pair(a, b)} {rng.choice(_SERIES_KINDS)[0]}, which "
                f"guides joint efforts on {w.topic(t[2])}.",
            lambda: f"Officials said {w.topic(t[1])} had emerged as a key concern, with {rng.randint(40, 4000)} cases "
                f"registered by {w.agency(w.world.agencies[a.name]['police'])} in {self.session.start.year - 1}.",
        ]
        return [make() for make in rng.sample(forms, rng.randint(2, 5))]

    def group_sentences(self) -> list[str]:
        w, rng = self.w, self.w.rng
        groups = w.groups(rng.randint(3, 5), (self.callee, self.a, self.b))
        return [rng.choice((
            f"The two sides also underscored the need for concerted action against all terrorist networks, "
            f"including {groups}.",
            f"They committed to strengthen cooperation against terrorist threats from groups including {groups}.",
            f"The statement named {groups} among the groups whose activities posed a threat to the region.",
            f"Both sides denounced the use of terrorist proxies and called for concerted action against {groups}.",
        ))]

    def call(self) -> list[str]:
        w, rng, callee = self.w, self.w.rng, self.callee
        demands = rng.sample(_DEMANDS, 2)
        attacks = w.world.attacks_before(self.session.start, rng.choice((self.a, self.b)), 2)
        names = w.listing([attack.alias or f"the {attack.label}" for attack in attacks])
        text = (f"The two sides underlined the urgent need for {w.state(callee)} to {demands[0]}, and to "
                f"{demands[1]}{', including ' + names if names else ''}")
        if rng.random() < 0.5:
            return [f"{w.lq}{text},{w.rq} the statement said."]
        return [text + ".", f"{w.state(self.a, True)} reiterated its support for the people and government of "
                            f"{w.state(self.b)} in the fight against terrorism."]

    def reaction(self) -> list[str]:
        w, rng, reactor = self.w, self.w.rng, self.reactor
        person, spokes = w.official(w.post(reactor, "spokesperson"))
        pronoun, stance = w.pronoun(person), rng.choice(_STANCES)
        first, second = rng.sample(_REACTION_QUOTES, 2)
        if reactor is self.callee or rng.random() < 0.5:
            return [f"{w.state(reactor, True)} said a reference to it in the {w.pair(self.a, self.b)} joint statement "
                    f"was {w.quote(stance + '.')}",
                    f"{_cap(w.subject(spokes))} also expressed concern at the arms sale by {w.state(self.a)} to "
                    f"{w.state(self.b)}, which {pronoun} said would increase military imbalance in the region.",
                    f"{w.short(person)}, speaking at the press conference, said {w.state(reactor)} was "
                    f"{w.quote('surprised')} that the reference had been added, {w.code} reported."]
        return [f"{w.state(reactor, True)}, however, responded to the joint statement by defending "
                f"{w.poss(w.state(self.callee))} counterterrorism record.",
                w.said(first, spokes, "told a regular news briefing"),
                w.said(second, pronoun, "added")]

    def unsc(self) -> list[str]:
        w, (number, about) = self.w, self.w.rng.choice(_RESOLUTIONS)
        return [w.rng.choice((
            f"There was a joint commitment to strengthen cooperation on information-sharing and other steps to "
            f"disrupt the ability of international terrorists to travel, consistent with the obligations outlined in "
            f"United Nations Security Council Resolution {number}.",
            f"The two sides called for the full implementation of UN Security Council Resolution {number}, on {about}.",
            f"They also exchanged views on threats posed by UN-sanctioned terrorist entities under UNSC resolution "
            f"{number}.",
        ))]

    def memorandum(self) -> list[str]:
        w, rng = self.w, self.w.rng
        kind_a, kind_b = rng.choice((("academy", "academy"), ("ct", "ct"), ("narcotics", "narcotics"),
                                     ("fiu", "fiu"), ("police", "academy"), ("cyber", "cyber")))
        own, other = w.world.agencies[self.a.name][kind_a], w.world.agencies[self.b.name][kind_b]
        document, abbr = rng.choice(_DOCUMENTS)
        subject = rng.choice(_DOCUMENT_SUBJECTS)
        if rng.random() < 0.5:
            return [f"The dialogue concluded with the signing of a document that will further deepen bilateral "
                    f"security cooperation — a {document} on {subject} between {w.agency(own)} and "
                    f"{w.poss(w.state(self.b))} {other.name}."]
        return [f"At the conclusion of the {self.series.noun}, the leaders signed a {document}"
                f"{f' ({abbr})' if abbr else ''} on {subject}.",
                f"The new memorandum between {w.agency(own)} and {w.agency(other)} institutionalises cooperation "
                f"through the sharing of best practices and joint programming, according to the readout."]

    def previous_and_next(self) -> list[str]:
        w, sessions = self.w, self.series.sessions
        index = sessions.index(self.session)
        out = []
        if index + 1 < len(sessions) and sessions[index + 1].host is not None:
            host = sessions[index + 1].host
            out.append(f"Both sides agreed to hold the next round of {self.name()} in {host.capital} at a "
                       f"mutually convenient date.")
        if index > 0:
            last = sessions[index - 1]
            where = f"in {last.place}" if last.place else "virtually"
            out.append(f"The last {self.name()[4:]} was held {where} in {w.month_year(last.start)}.")
        return out

    def history(self) -> list[str]:
        """An earlier session of the same series, with the delegation leaders of the day."""
        w, sessions = self.w, self.series.sessions
        index = sessions.index(self.session)
        if index == 0:
            return []
        earlier = sessions[w.rng.randrange(index)]
        one, two = w.world.holder(self.lead_a, earlier.start), w.world.holder(self.lead_b, earlier.start)
        where = f"in {earlier.place}" if earlier.place else "virtually"
        return [f"The {w.ordinal(earlier.number)} {self.series.noun} was held {where} in "
                f"{w.month_year(earlier.start)}, when the delegations were led by {w.name(one)} and {w.name(two)}.",
                f"Officials said it had focused on {w.topics(earlier.topics[:3])}."]


# -- Background shared by all kinds of article -----------------------------------------------
def attack_background(w: Writer, attack: Attack) -> list[str]:
    rng, group = w.rng, attack.group
    verb = "were" if attack.label.endswith("s") else "was"
    roll = rng.random()
    if roll < 0.3:
        nationals = "national" if attack.foreigners == 1 else "nationals"
        return [f"The {attack.label}, which {verb} carried out by {_an(str(attack.team))}-member team of the "
                f"{w.group(group)} from {w.state(group.home)}, left {attack.killed} people dead, including "
                f"{w.count(attack.foreigners)} {attack.foreign.adjective} {nationals}."]
    if roll < 0.6:
        return [f"The {attack.label}, blamed on {w.group(group)}, targeted {attack.target} and resulted in the "
                f"death of {attack.killed} people."]
    if roll < 0.8:
        return [f"The {attack.label} in {attack.city} on {w.month_day(attack.date)}, {attack.date.year}, killed "
                f"{attack.killed} people; {w.group(group)} claimed responsibility."]
    agency = w.world.agencies[attack.state.name]["ct"]
    return [f"{_cap(w.agency(agency))} has identified more than {rng.randint(5, 60)} people involved in the "
            f"{attack.label}, in which {attack.killed} people died."]


def legal_action(w: Writer, day: dt.date, near: State) -> list[str]:
    rng, world = w.rng, w.world
    attacks = world.attacks_before(day, near, 1)
    if not attacks:
        return []
    attack = attacks[0]
    member, role = rng.choice(attack.group.members)
    name = w.name(member)
    roll = rng.random()
    if roll < 0.35:
        acting = world.other_state(attack.state)
        return [f"{w.state(attack.state, True)} is also pushing for the extradition of {attack.alias or attack.label} "
                f"accused {name} from {w.state(acting)}.",
                f"A {acting.adjective} court has dismissed {w.poss(w.short(member))} appeal against extradition."]
    if roll < 0.6:
        agency = world.agencies[attack.state.name][rng.choice(("ct", "police", "intel"))]
        return [f"{_cap(w.agency(agency))} arrested {rng.randint(2, 9)} men, including {w.group(attack.group)} "
                f"{role} {name}, for allegedly planning, financing and supporting the {attack.label}.",
                f"There has been little progress in their trial in a counterterrorism court."]
    if roll < 0.8:
        designator = world.other_state(attack.group.home)
        return [f"{w.state(designator, True)} designated {w.group(attack.group)} as a "
                f"{rng.choice(_DESIGNATIONS)} "
                f"in {w.month_year(attack.date + dt.timedelta(days=rng.randint(30, 900)))}.",
                f"{name}, the {role} of the group, was listed under the UN Security Council{w.apos}s 1267 sanctions "
                f"regime."]
    separatist = world.group_by_abbr[rng.choice(("BKI", "KTF"))]
    target, _ = rng.choice(separatist.members)
    abroad = world.other_state(world.by_name["India"])
    return [f"The meeting was held against the backdrop of a row over the alleged assassination attempt on top "
            f"Khalistani separatist {w.name(target)}, a {abroad.adjective} citizen.",
            f"{w.state(abroad, True)} has been demanding accountability in the matter."]


_OFFICIAL_QUOTES = (
    "We will not allow our territory to be used by terrorists of any hue.",
    "Terrorism anywhere is a threat to peace everywhere.",
    "Our cooperation has produced concrete results on the ground.",
    "There can be no double standards in the fight against terrorism.",
    "We are determined to choke the funding channels of terror groups.",
    "Information sharing between our agencies has saved lives.",
    "Those who plan, finance and support such attacks must be held to account.",
    "We look forward to building upon these productive discussions.",
)


def _analyst_comment(w: Writer, day: dt.date, state: State) -> list[str]:
    analyst = w.rng.choice(w.world.analysts)
    mood = w.rng.choice(("a growing convergence", "a shared concern", "a pragmatic turn", "renewed urgency"))
    return [f"{w.name(analyst.person)}, {analyst.role} {analyst.institute}, said the talks reflected {mood} on "
            f"{w.topic(w.rng.randrange(len(_TOPICS)))}.",
            w.said(w.rng.choice(_REACTION_QUOTES), w.short(analyst.person))]


def _official_quote(w: Writer, day: dt.date, state: State) -> list[str]:
    key = w.rng.choice(("interior_minister", "ct_chief", "nsa", "foreign_minister", "home_secretary"))
    _, text = w.official(w.post(state, key), day)
    return [w.said(w.rng.choice(_OFFICIAL_QUOTES), text)]


def _arrest_statistics(w: Writer, day: dt.date, state: State) -> list[str]:
    kind = w.rng.choice(("police", "ct", "narcotics", "fiu", "border", "customs"))
    agency = w.world.agencies[state.name][kind]
    return [f"According to {w.agency(agency)}, {w.rng.randint(12, 2500)} people were arrested in "
            f"{day.year - w.rng.randint(1, 3)} in connection with {w.threats()}."]


def _other_working_group(w: Writer, day: dt.date, state: State) -> list[str]:
    x = w.world.state()
    y = w.world.other_state(x)
    return [f"Last month, {w.state(x)} and {w.state(y)} set up a working group to curb {w.threats()}."]


def _other_series(w: Writer, day: dt.date, state: State) -> list[str]:
    """Another pair's meeting that really happened earlier in this world."""
    series = _pick(w.rng, w.world.series, w.world.series_cum)
    earlier = [session for session in series.sessions if session.end < day]
    if not earlier:
        return []
    session = earlier[-1]
    where = f"in {session.place}" if session.place else "virtually"
    return [f"{w.state(series.a, True)} and {w.state(series.b)} held the {w.ordinal(session.number)} "
            f"{series.noun} of their {series.kind} {where} in {w.month_year(session.start)}, focusing on "
            f"{w.topics(session.topics[:2])}."]


def _forum(w: Writer, day: dt.date, state: State) -> list[str]:
    return [f"{w.state(state, True)} is a member of {w.rng.choice(_FORUMS)}, which is expected to take up "
            f"{w.topic(w.rng.randrange(len(_TOPICS)))} at its next meeting in {w.world.state().capital}."]


def _group_profile(w: Writer, day: dt.date, state: State) -> list[str]:
    rng = w.rng
    group = rng.choice(w.world.groups)
    leader, role = group.members[0]
    cities = w.listing(rng.sample(group.home.cities, min(2, len(group.home.cities))))
    return [f"{_cap(w.group(group))}, which {w.state(w.world.other_state(group.home))} designated as a terrorist "
            f"organisation in {rng.randint(1999, day.year)}, has been blamed for a string of attacks in {cities}.",
            f"Its {role}, {w.name(leader)}, carries a bounty of ${len(group.members) % 9 + 1} million."]


def _court(w: Writer, day: dt.date, state: State) -> list[str]:
    rng = w.rng
    group = rng.choice(w.world.groups)
    member, role = rng.choice(group.members)
    city = rng.choice(state.cities + (state.capital,))
    return [f"Separately, a court in {city} sentenced {w.name(member)}, {_an(role)} of {w.group(group)}, to "
            f"{rng.randint(3, 25)} years in prison for {w.threats()}."]


def _separate_arrest(w: Writer, day: dt.date, state: State) -> list[str]:
    rng = w.rng
    group = rng.choice(w.world.groups)
    member, role = rng.choice(group.members)
    agency = w.world.agencies[state.name][rng.choice(("ct", "police", "intel", "border"))]
    return [f"Earlier this month, {w.agency(agency)} arrested {w.name(member)}, a suspected {role} of "
            f"{w.group(group)}, in {rng.choice(state.cities + (state.capital,))}."]


def _visit(w: Writer, day: dt.date, state: State) -> list[str]:
    _, minister = w.official(w.post(state, "foreign_minister"), day)
    host = w.world.other_state(state)
    return [f"{_cap(w.subject(minister))} is scheduled to visit {host.capital} next month for talks expected to cover "
            f"{w.topics(w.rng.sample(range(len(_TOPICS)), 2))}."]


def _trend(w: Writer, day: dt.date, state: State) -> list[str]:
    agency = w.world.agencies[state.name][w.rng.choice(("cyber", "fiu", "narcotics", "police"))]
    return [f"{w.state(state, True)} has seen a sharp rise in {w.threats()} in recent years, with "
            f"{w.rng.randint(100, 90000)} cases reported in {day.year - 1}, according to {w.agency(agency)}."]


def _treaty(w: Writer, day: dt.date, state: State) -> list[str]:
    other = w.world.other_state(state)
    return [f"{w.state(state, True)} and {w.state(other)} signed an extradition treaty in "
            f"{w.rng.randint(1995, day.year)}, and a mutual legal assistance treaty is under negotiation."]


def _attack_memory(w: Writer, day: dt.date, state: State) -> list[str]:
    attacks = w.world.attacks_before(day, state, 1)
    return attack_background(w, attacks[0]) if attacks else []


_FILLERS = (_analyst_comment, _official_quote, _arrest_statistics, _other_working_group, _other_series, _forum,
            _group_profile, _court, _separate_arrest, _visit, _trend, _treaty, _attack_memory)


def fill(body: Body, w: Writer, day: dt.date, states: tuple[State, ...], orders=(3, 12), extra=()) -> None:
    """Add background paragraphs until the body reaches its length; each kind at most twice while others remain."""
    makers = list(_FILLERS) + list(extra)
    fresh = makers * 2
    while not body.full:
        if not fresh:
            fresh = makers * 2
        maker = fresh.pop(int(w.rng.random() * len(fresh)))
        sentences = maker(w, day, w.rng.choice(states))
        if sentences:
            body.add(w.rng.uniform(*orders), sentences)


# -- Kinds of article ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True, eq=False)
class Draft:
    headline: str
    city: str
    state: State
    blocks: list[list[str]]


def meeting_article(w: Writer, series: Series, session: Session, target: int) -> Draft:
    rng = w.rng
    if session.place and rng.random() < 0.5:
        city, city_state = session.place, session.host
    else:
        city_state = w.home if w.home in (series.a, series.b) else rng.choice((series.a, series.b))
        city = city_state.capital
    m = MeetingReport(w, series, session, city)
    body = Body(target)
    body.add(0, [m.lead()])
    body.add(1, m.delegations())
    optional = [(2, m.details, 0.6), (3, m.topic_sentences, 0.9), (4, m.group_sentences, 0.6),
                (5, m.call, 0.9 if m.called else 0.4), (6, lambda: _attack_block(w, m), 0.5), (7, m.unsc, 0.4),
                (8, lambda: legal_action(w, session.start, m.a), 0.35), (9, m.memorandum, 0.3),
                (10, m.previous_and_next, 0.5), (10.5, m.history, 0.3), (12, m.reaction, 0.35)]
    rng.shuffle(optional)
    for order, make, odds in optional:
        if body.full:
            break
        if rng.random() < odds:
            body.add(order, make())
    fill(body, w, session.end, (m.a, m.b), (2.5, 11.5), extra=(lambda *_: m.history(), lambda *_: m.topic_sentences()))
    headline = (f"{series.kind}: {m.a.short}, {m.b.short} "
                f"{rng.choice(('deepen strategic partnership on', 'discuss', 'vow to step up cooperation on'))} "
                f"{w.topic(session.topics[0])}, {w.topic(session.topics[1])}")
    return Draft(headline, city, city_state, body.sentences_in_order())


def _attack_block(w: Writer, m: MeetingReport) -> list[str]:
    out = []
    for attack in w.world.attacks_before(m.session.start, w.rng.choice((m.a, m.b)), w.rng.randint(1, 2)):
        out.extend(attack_background(w, attack))
    return out


def attack_article(w: Writer, attack: Attack, target: int) -> Draft:
    rng, world, state = w.rng, w.world, attack.state
    body = Body(target)
    attackers = rng.choice(("gunmen", "suspected militants", "a suicide bomber", "militants", "armed assailants"))
    body.add(0, [f"At least {attack.killed} people were killed and {attack.injured} injured when {attackers} "
                 f"targeted {attack.target} in {attack.city} {w.when(attack.date)}, "
                 f"{rng.choice(('police said', 'officials said', 'a government spokesman said'))}."])
    group = w.group(attack.group)
    body.add(1, [rng.choice((f"{_cap(group)} claimed responsibility for the attack in a statement posted online.",
                             f"No group claimed responsibility, but police blamed {group}.",
                             f"Officials suspect the involvement of {group}, which has carried out similar attacks."))])
    head = world.holder(world.heads[state.name], attack.date)
    body.add(2, [f"{state.adjective} {state.head_title} {w.name(head)} condemned the "
                 f"{rng.choice(('cowardly', 'heinous', 'barbaric'))} {attack.noun} and ordered an inquiry."])
    _, chief = w.official(w.post(state, rng.choice(("ct_chief", "police_chief", "interior_minister"))), attack.date)
    member, role = rng.choice(attack.group.members)
    body.add(3, [f"{_cap(w.subject(chief))} said {rng.randint(2, 9)} suspects had been detained, including "
                 f"{w.name(member)}, "
                 f"a suspected {role} of the group."])
    for other in rng.sample(world.states, rng.randint(1, 3)):
        if other is state:
            continue
        _, text = w.official(w.post(other, "spokesperson"), attack.date)
        opening = rng.choice((f"{w.state(other, True)} condemned the attack.",
                              f"{w.poss(w.state(other, True))} foreign ministry expressed solidarity with "
                              f"{w.state(state)}.",
                              f"Condolences poured in from {w.state(other)}."))
        body.add(5, [opening, w.said(rng.choice(_REACTION_QUOTES), text)])
    for earlier in world.attacks_before(attack.date, state, 2):
        if not body.full:
            body.add(6, attack_background(w, earlier))
    fill(body, w, attack.date, (state,), (4, 12))
    blamed = attack.group.abbr or attack.group.variants[0]
    headline = f"{attack.killed} killed in {attack.city} {attack.noun}; {blamed} blamed"
    return Draft(headline, attack.city, state, body.sentences_in_order())


def legal_article(w: Writer, day: dt.date, target: int) -> Draft:
    rng, world = w.rng, w.world
    attack = world.attacks_before(day)[0]
    member, role = rng.choice(attack.group.members)
    name, state = w.name(member), attack.state
    body = Body(target)
    roll = rng.random()
    if roll < 0.4:
        acting = world.other_state(state)
        body.add(0, [f"A {acting.adjective} court {w.when(day)} approved the extradition of {name}, an accused in "
                     f"the {attack.label}, to {w.state(state)}, officials said."])
        body.add(1, [f"{w.short(member)} is alleged to have been {_an(role)} of {w.group(attack.group)} and to have "
                     f"helped plan the attack, in which {attack.killed} people died."])
        city, city_state = acting.capital, acting
        headline = f"{acting.short} court clears extradition of {attack.alias or attack.label} accused {name}"
    elif roll < 0.75:
        agency = world.agencies[state.name][rng.choice(("ct", "police", "intel"))]
        city = rng.choice(state.cities)
        body.add(0, [f"{_cap(w.agency(agency))} {w.when(day)} arrested {rng.randint(2, 9)} suspected members of "
                     f"{w.group(attack.group)}, including {role} {name}, in {city}, officials said."])
        body.add(1, [f"{w.short(member)} was wanted in connection with the {attack.label}."])
        city_state = state
        headline = f"{attack.group.abbr or attack.group.variants[0]} {role} held in {city}"
    else:
        designator = world.other_state(attack.group.home)
        _, spokes = w.official(w.post(designator, "spokesperson"), day)
        body.add(0, [f"{w.state(designator, True)} {w.when(day)} designated {w.group(attack.group)} as a terrorist "
                     f"organisation, freezing its assets and barring its members from entry."])
        body.add(1, [f"The group was responsible for the {attack.label}, said {spokes}.",
                     f"{name}, the group{w.apos}s {role}, was also named."])
        city, city_state = designator.capital, designator
        headline = f"{designator.short} designates {attack.group.variants[0]} as terrorist group"
    _, minister = w.official(w.post(state, rng.choice(("interior_minister", "foreign_minister"))), day)
    body.add(2, [f"{w.lq}We will bring every one of the perpetrators to justice,{w.rq} said {minister}."])
    body.add(3, attack_background(w, attack))
    if rng.random() < 0.5:
        body.add(4, legal_action(w, day, state))
    fill(body, w, day, (state, city_state), (4, 12))
    return Draft(headline, city, city_state, body.sentences_in_order())


def summit_article(w: Writer, day: dt.date, target: int) -> Draft:
    rng, world = w.rng, w.world
    a = world.state()
    b = world.other_state(a)
    callee = world.suspect(a, b)
    head_a, head_b = world.holder(world.heads[a.name], day), world.holder(world.heads[b.name], day)
    body = Body(target)
    document = rng.choice(("joint statement", "joint declaration", "joint communique"))
    body.add(0, [f"Counter-terrorism cooperation between {w.state(a)} and {w.state(b)} featured in the {document} "
                 f"issued after the meeting between {a.head_title} {w.name(head_a)} and {b.head_title} "
                 f"{w.name(head_b)} {w.when(day)}."])
    attacks = world.attacks_before(day, a, 2)
    acts = w.listing([f"the {attack.alias or attack.label}" for attack in attacks]) or "recent attacks"
    body.add(1, [f"The {document} said, {w.lq}The leaders reaffirmed that the global scourge of terrorism must be "
                 f"fought and terrorist safe havens eliminated from every corner of the world. They committed to "
                 f"strengthen cooperation against terrorist threats from groups, including "
                 f"{w.groups(rng.randint(3, 5), (callee, a))}, in order to prevent heinous acts like {acts}.{w.rq}"])
    demand, other = rng.sample(_DEMANDS, 2)
    body.add(2, [f"The statement noted, {w.lq}The leaders further called on {w.state(callee)} to {demand} and to "
                 f"{other}.{w.rq}"])
    plans = f"strengthen law enforcement cooperation to take decisive action against {w.threats(3)}."
    body.add(3, [f"Under people-to-people ties, the statement outlined plans to {w.quote(plans)}"])
    _, spokes = w.official(w.post(callee, "spokesperson"), day)
    body.add(4, [f"{w.state(callee, True)} said a reference to it in the {w.pair(a, b)} {document} was "
                 f"{w.quote(rng.choice(_STANCES) + '.')}",
                 f"{_cap(spokes)}, speaking at the weekly press briefing, said {w.state(callee)} had made "
                 f"{w.quote('tremendous efforts')} in fighting terrorism."])
    if rng.random() < 0.6:
        body.add(5, legal_action(w, day, a))
    fill(body, w, day, (a, b), (2, 10))
    headline = f"{a.short}, {b.short} vow joint fight against terror; {callee.short} objects"
    return Draft(headline, a.capital, a, body.sentences_in_order())


def reaction_article(w: Writer, series: Series, session: Session, day: dt.date, target: int) -> Draft:
    rng = w.rng
    m = MeetingReport(w, series, session, "")
    reactor = m.reactor = m.callee
    _, spokes = w.official(w.post(reactor, "spokesperson"), day)
    body = Body(target)
    body.add(0, [f"{w.state(reactor, True)} {w.when(day)} rejected a reference to it in the joint statement issued "
                 f"after {m.name(True)}, calling it {w.quote(rng.choice(_STANCES))}."])
    body.add(1, [w.said(rng.choice(_REACTION_QUOTES), _cap(spokes), "told reporters")])
    body.add(2, m.delegations())
    body.add(3, m.group_sentences())
    body.add(4, m.call())
    fill(body, w, day, (reactor, m.a, m.b), (5, 12))
    headline = f"{reactor.short} slams {m.a.short}-{m.b.short} joint statement"
    return Draft(headline, reactor.capital, reactor, body.sentences_in_order())


# -- The page: dateline, paragraphs, chrome ------------------------------------------------
_AMERICAN = (("organised", "organized"), ("Organised", "Organized"), ("radicalisation", "radicalization"),
             ("recognise", "recognize"), ("institutionalises", "institutionalizes"), ("Emphasising", "Emphasizing"),
             ("counter-terrorism", "counterterrorism"), ("programme", "program"),
             ("information-sharing", "information sharing"))


def dateline(w: Writer, city: str, state: State, day: dt.date) -> str:
    code, rng = w.code, w.rng
    month, mon, upper = _MONTHS[day.month - 1], _MON_SHORT[day.month - 1], city.split(",")[0].upper()
    style = w.style
    if style == "pti":
        return f"{city}, {mon} {day.day} ({code}) "
    if style == "ani":
        roll = rng.random()
        if roll < 0.5:
            return f"{city} [{state.short}], {month} {day.day} (ANI): "
        return f"{city}, {month} {day.day} : " if roll < 0.75 else f"{city}, {month} {day.day}: "
    if style == "caps":
        return f"{upper}, {mon} {day.day} ({code}) - "
    if style == "ap":
        return f"{upper} (AP) — "
    if style == "afp":
        return f"{city} (AFP) - " if rng.random() < 0.5 else f"{city}, {month} {day.day} (AFP) - "
    if style == "xinhua":
        dot = "." if mon in _ABBREVIATED else ""
        return f"{upper}, {mon}{dot} {day.day} ({code}) -- "
    if style == "dawn":
        return f"{upper}: "
    if style == "app":
        return f"{upper}, {month} {day.day} (APP): "
    if style == "tass":
        return f"{upper}, {month} {day.day}. /TASS/. "
    return f"{upper} (AA) - "


def paragraphs(w: Writer, blocks: list[list[str]], one_per_line: bool) -> list[str]:
    if one_per_line:
        return [sentence for block in blocks for sentence in block]
    out = []
    for block in blocks:
        index = 0
        while index < len(block):
            size = w.rng.choice((1, 1, 2, 2, 3))
            out.append(" ".join(block[index:index + size]))
            index += size
    return out


def headline_noise(w: Writer) -> str:
    rng = w.rng
    form = rng.choice(_HEADLINE_FORMS)
    text = form.format(cap=rng.choice(w.world.states).name, thing=rng.choice(_HEADLINE_THINGS),
                       name=w.name(w.person_extra()), n=rng.randint(3, 45), adj=rng.choice(w.world.states).adjective,
                       city=rng.choice(rng.choice(w.world.states).cities),
                       company=f"{rng.choice(_COMPANY_PARTS[0])} {rng.choice(_COMPANY_PARTS[1])}")
    return rng.choice(_HEADLINE_CATEGORIES) + text


def with_chrome(w: Writer, draft: Draft, body: str, day: dt.date) -> str:
    rng = w.rng
    top = "\n".join(rng.sample(_MENU_WORDS, rng.randint(1, 4)))
    stamp = f"{_MONTHS[day.month - 1]} {day.day}, {day.year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} IST"
    byline = f"By {w.code} | Updated: {stamp}"
    if w.style == "dawn":
        byline = f"Published {_MONTHS[day.month - 1]} {day.day}, {day.year}"
    first = body.split("\n", 1)[0]
    teaser = " ".join(first.split()[:22]) + " ..."
    related = "\n\n".join(headline_noise(w) for _ in range(rng.randint(3, 10)))
    parts = [top, draft.headline, byline, teaser, "Open in App", body, rng.choice(_DISCLAIMERS), "Open in App",
             rng.choice(_RELATED_HEADINGS), related]
    return "\n\n".join(parts)


def render(w: Writer, draft: Draft, day: dt.date) -> str:
    rng = w.rng
    one_per_line = rng.random() < (0.7 if w.style == "pti" else 0.15)
    paras = paragraphs(w, draft.blocks, one_per_line)
    if rng.random() < 0.15:
        places = f"{draft.city}/{w.world.other_state(draft.state).capital}: " if rng.random() < 0.3 else ""
        paras[0] = f" date {day.isoformat()} {places}{paras[0]}"
        if rng.random() < 0.5:
            paras[0] += f" ({w.code})"
    else:
        paras[0] = dateline(w, draft.city, draft.state, day) + paras[0]
    body = ("\n" if one_per_line else "\n\n").join(paras)
    if w.american:
        for old, new in _AMERICAN:
            body = body.replace(old, new)
    if rng.random() < (0.6 if w.code == "ANI" else 0.15):
        body = with_chrome(w, draft, body, day)
    return body + "\n"


# -- The stream of articles ------------------------------------------------------------------
def word_target(rng: random.Random) -> int:
    words = int(rng.lognormvariate(6.04, 0.55))
    return max(MIN_WORDS, min(words, MAX_WORDS - 300))


def _session_in_range(world: World) -> tuple[Series, Session]:
    last = dt.date(LAST_YEAR, 12, 20)
    while True:
        series = _pick(world.rng, world.series, world.series_cum)
        sessions = [s for s in series.sessions if s.start.year >= FIRST_YEAR and s.end <= last]
        if sessions:
            return series, world.rng.choice(sessions)


def _next_draft(world: World, publisher: tuple, target: int, repeat, recent: list[Attack]):
    """One article's draft: a meeting (or a second report of the last one), an attack, a legal
    action, a summit or a reaction. Returns the writer, the draft, its date and what to repeat."""
    rng = world.rng
    roll = 0.0 if repeat else rng.random()
    if roll < 0.55:
        series, session = repeat or _session_in_range(world)
        day = session.end + dt.timedelta(days=rng.randint(0, 2))
        w = Writer(world, rng, publisher, day)
        again = (series, session) if repeat is None and rng.random() < 0.07 else None
        return w, meeting_article(w, series, session, target), day, again
    if roll < 0.7:
        attack = rng.choice(recent)
        day = min(attack.date + dt.timedelta(days=rng.randint(0, 1)), dt.date(LAST_YEAR, 12, 31))
        w = Writer(world, rng, publisher, day)
        return w, attack_article(w, attack, target), day, None
    if roll < 0.92:
        day = dt.date(rng.randint(FIRST_YEAR, LAST_YEAR), rng.randint(1, 12), rng.randint(1, 28))
        w = Writer(world, rng, publisher, day)
        write = legal_article if roll < 0.82 else summit_article
        return w, write(w, day, target), day, None
    series, session = _session_in_range(world)
    day = session.end + dt.timedelta(days=rng.randint(1, 4))
    w = Writer(world, rng, publisher, day)
    return w, reaction_article(w, series, session, day, target), day, None


def articles(count: int, seed: int = 0):
    """Yield `count` article texts; the first N are the same for any count of N or more."""
    rng = FastRandom(seed)
    world = World(rng)
    recent = [attack for attack in world.attacks if FIRST_YEAR <= attack.date.year <= LAST_YEAR]
    publisher_cum = _cumulative(row[4] for row in _PUBLISHERS)
    repeat, previous = None, None
    for _ in range(count):
        publisher, target = _pick(rng, _PUBLISHERS, publisher_cum), word_target(rng)
        while repeat and publisher is previous:       # a second report comes from another agency
            publisher = _pick(rng, _PUBLISHERS, publisher_cum)
        previous = publisher
        w, draft, day, repeat = _next_draft(world, publisher, target, repeat, recent)
        yield render(w, draft, day)


def _check_output(out_dir: Path, count: int) -> None:
    if count < 0:
        raise KgError(f"--count {count}: the number of articles cannot be negative. Pass 0 or more.")
    if out_dir.exists() and not out_dir.is_dir():
        raise KgError(f"{out_dir}: this is a file, not a folder. Pass a folder for --out; it is created if needed.")
    if out_dir.is_dir():
        stale = sum(1 for _ in out_dir.glob("*.txt"))
        if stale:
            raise KgError(f"{out_dir}: the folder already holds {stale} .txt files. Write the corpus to a new or "
                          f"empty folder (or delete those files) so that no article of another run is mixed in.")


def generate(out_dir: Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` articles to `out_dir` as NNNNNN_<hash>.txt and return their paths, in order.

    The same seed and count give the same bytes. Raises KgError when `out_dir` already holds .txt
    files, is a file, or when `count` is negative.
    """
    out_dir = Path(out_dir)
    _check_output(out_dir, count)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, text in enumerate(articles(count, seed)):
        data = text.encode("utf-8")
        path = out_dir / f"{index:06d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate_corpus",
        description="Write a synthetic corpus of counter-terrorism news articles for cost benchmarks.",
        epilog="Example: python -m benchmarks.generate_corpus --out benchmarks/out/10k --count 10000 --seed 0")
    parser.add_argument("--out", required=True, type=Path, help="folder to write to (new or empty)")
    parser.add_argument("--count", required=True, type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0); same seed, same bytes")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        paths = generate(args.out, args.count, args.seed)
    except KgError as error:
        print(f"generate_corpus: {error}", file=sys.stderr)
        return error.exit_code
    seconds = time.perf_counter() - started
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) to {args.out} in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
