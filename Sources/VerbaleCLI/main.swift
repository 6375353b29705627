print("verbale")
